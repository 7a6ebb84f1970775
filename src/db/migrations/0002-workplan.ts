import type { Kysely } from 'kysely';
import { withId } from '../column-types.js';

/** Plan supervision (督查督办): plans, tasks, their units, milestones, progress reports, attachments, notifications. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('plans'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('issuer', 'text')
    .addColumn('issued_on', 'varchar(10)')
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull().references('regions.code'))
    // SHA-256 of the normalised text: the same document imported twice is one plan.
    .addColumn('source_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('period_type', 'varchar(8)', (c) => c.notNull().defaultTo('month'))
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('tasks'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('path_titles', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('etc', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_note', 'text')
    .addColumn('last_report_on', 'varchar(10)')
    .addColumn('close_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('closed_by', 'varchar(64)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('tasks_plan_seq', ['plan_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('task_units'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('task_units_task').on('task_units').column('task_id').execute();
  await db.schema.createIndex('task_units_dept').on('task_units').column('department_id').execute();

  await withId(db, db.schema.createTable('milestones'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('target_value', 'double precision')
    .addColumn('target_unit', 'text')
    .addColumn('cumulative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actual_value', 'double precision')
    .addColumn('done_on', 'varchar(10)')
    .addColumn('proposed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('task_reports'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('task_unit_id', 'integer', (c) => c.notNull().references('task_units.id'))
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('request_close', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('reviewed_by', 'varchar(64)')
    .addColumn('reviewed_at', 'varchar(32)')
    .addColumn('review_comment', 'text')
    .execute();
  await db.schema.createIndex('task_reports_task').on('task_reports').columns(['task_id', 'period']).execute();

  await withId(db, db.schema.createTable('report_attachments'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('task_reports.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'varchar(128)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('stored_as', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('audience', 'varchar(16)', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    // One reminder of a kind per task and day: re-running the scan adds nothing.
    .addColumn('dedupe_key', 'varchar(128)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notifications', 'report_attachments', 'task_reports', 'milestones', 'task_units', 'tasks', 'plans']) {
    await db.schema.dropTable(t).execute();
  }
}
