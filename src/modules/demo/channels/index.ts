/** The channel files of a year, in a fixed order. */
import type { City } from '../types.js';
import type { ChannelSpec } from './common.js';
import { dibaoRosterChannel } from './dibao-roster.js';
import { propertyRegisterChannel } from './property-register.js';
import { socialInsuranceChannel } from './social-insurance.js';
import { taxChannel } from './tax.js';

export type { ChannelKey, ChannelRow, ChannelSpec, SheetLayout } from './common.js';
export { CHANNEL_FAULT_RATES } from './common.js';

export function channelSpecs(city: City, year: number): ChannelSpec[] {
  return [taxChannel(city, year), socialInsuranceChannel(city, year), dibaoRosterChannel(city, year), propertyRegisterChannel(city, year)];
}
