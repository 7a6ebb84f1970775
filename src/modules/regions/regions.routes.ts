import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DepartmentSchema, RegionQuerySchema, RegionSchema } from '../../shared/api/directory.js';
import { requireUser } from '../auth/guards.js';
import type { DepartmentsService } from '../org/departments.service.js';
import type { RegionsService } from './regions.service.js';

/** The directory every signed-in user may read: regions within their scope, and the departments. */
export function directoryRoutes(app: FastifyInstance, deps: { regions: RegionsService; departments: DepartmentsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/regions', { schema: { tags: ['directory'], summary: '行政区划（本辖区）', querystring: RegionQuerySchema, response: { 200: z.array(RegionSchema) } } }, async (req) =>
    deps.regions.list(requireUser(req).regionCode, req.query),
  );
  r.get('/api/departments', { schema: { tags: ['directory'], summary: '单位名录', response: { 200: z.array(DepartmentSchema) } } }, async (req) => {
    requireUser(req);
    return deps.departments.list();
  });
}
