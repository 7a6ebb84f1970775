/**
 * 辽阳市's seven counties and districts as a SCHEMATIC map (示意图): simplified rectangles and one
 * U-shaped polygon in approximately the right relative positions (灯塔市 north, 辽阳县 around the
 * urban core on the west, south and east, 弓长岭区 to the east, the four urban districts in the middle
 * along the 太子河, enlarged). No surveyed boundary is available offline, so none is pretended: the page labels
 * the map as a schematic. Coordinates are rough longitude/latitude so the shapes keep their aspect.
 */

export interface SchematicFeature {
  type: 'Feature';
  properties: { code: string; name: string; cp: [number, number] };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

export interface SchematicMap {
  type: 'FeatureCollection';
  features: SchematicFeature[];
}

export const SCHEMATIC_MAP_NAME = 'liaoyang-211000-schematic';

const ring = (pts: [number, number][]): [number, number][] => [...pts, pts[0]];
const rect = (w: number, s: number, e: number, n: number): [number, number][] => ring([[w, s], [e, s], [e, n], [w, n]]);

function feature(code: string, name: string, coords: [number, number][], cp: [number, number]): SchematicFeature {
  return { type: 'Feature', properties: { code, name, cp }, geometry: { type: 'Polygon', coordinates: [coords] } };
}

export const LIAOYANG_SCHEMATIC: SchematicMap = {
  type: 'FeatureCollection',
  features: [
    feature('211081', '灯塔市', ring([[122.85, 41.36], [123.65, 41.36], [123.65, 41.62], [123.25, 41.66], [122.85, 41.58]]), [123.25, 41.5]),
    // the county wraps the urban core (notch 122.95–123.35 × 41.06–41.36) and 弓长岭区 (notch on the east side);
    // the urban districts are drawn larger than life so that their names fit
    feature(
      '211021',
      '辽阳县',
      ring([[122.6, 41.36], [122.95, 41.36], [122.95, 41.06], [123.35, 41.06], [123.35, 41.36], [123.65, 41.36], [123.65, 41.28], [123.42, 41.28], [123.42, 41.06], [123.65, 41.06], [123.65, 40.85], [122.6, 40.85]]),
      [122.9, 40.95],
    ),
    feature('211005', '弓长岭区', rect(123.42, 41.06, 123.65, 41.28), [123.535, 41.17]),
    feature('211011', '太子河区', rect(122.95, 41.26, 123.35, 41.36), [123.15, 41.31]),
    feature('211002', '白塔区', rect(122.95, 41.16, 123.13, 41.26), [123.04, 41.21]),
    feature('211003', '文圣区', rect(123.13, 41.16, 123.35, 41.26), [123.24, 41.21]),
    feature('211004', '宏伟区', rect(122.95, 41.06, 123.35, 41.16), [123.15, 41.11]),
  ],
};

/** Signed area (shoelace) of a closed ring, in squared degrees; positive when counter-clockwise. */
export function ringArea(r: readonly [number, number][]): number {
  let a = 0;
  for (let i = 0; i + 1 < r.length; i++) a += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return a / 2;
}

/** Even-odd point-in-polygon test for one ring. */
export function inRing(p: readonly [number, number], r: readonly [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i];
    const [xj, yj] = r[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
