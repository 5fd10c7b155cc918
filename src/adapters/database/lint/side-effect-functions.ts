import type { Node } from 'libpg-query';
import { nodeAs, type FunctionCall } from '../sql/nodes.js';

/*
 * Built-in and common extension functions whose effect reaches beyond the
 * rows of the statement that calls them: other sessions, the server, its
 * files, other connections, locks that outlive the statement. Matched by the
 * name without its schema and lower-cased, so `PG_CATALOG.Pg_Sleep` is found;
 * a user function of the same name is refused too, which is the safe side.
 *
 * Left out on purpose: txid_* and pg_current_xact_id (they read or assign a
 * transaction id, nothing more), nextval/setval (ordinary data changes the
 * running version makes too), and read-only pg_* views and functions.
 */
const EFFECTS: { names?: readonly string[]; prefixes?: readonly string[]; effect: string }[] = [
  { names: ['pg_terminate_backend', 'pg_cancel_backend'], effect: "ends or cancels other sessions, the running version's among them" },
  {
    names: [
      'pg_reload_conf',
      'pg_rotate_logfile',
      'pg_rotate_logfile_old',
      'pg_logfile_rotate',
      'pg_log_backend_memory_contexts',
      'pg_log_standby_snapshot',
      'pg_promote',
      'pg_switch_wal',
      'pg_switch_xlog',
      'pg_wal_replay_pause',
      'pg_wal_replay_resume',
      'pg_xlog_replay_pause',
      'pg_xlog_replay_resume',
      'pg_create_restore_point',
      'pg_backup_start',
      'pg_backup_stop',
      'pg_start_backup',
      'pg_stop_backup'
    ],
    effect: 'administers the whole server (configuration, logs, WAL, backups, promotion)'
  },
  {
    names: ['pg_read_file', 'pg_read_binary_file', 'pg_stat_file', 'lo_import', 'lo_export'],
    prefixes: ['pg_ls_', 'pg_file_'],
    effect: 'reads or writes files on the database server'
  },
  { names: ['lo_unlink'], effect: 'deletes a large object, which no transaction of the running version can get back' },
  { names: ['pg_background_launch'], prefixes: ['dblink'], effect: 'runs SQL over another connection, unseen by the linter and outside this statement\'s transaction' },
  { names: ['query_to_xml', 'query_to_xmlschema', 'query_to_xml_and_xmlschema', 'ts_stat'], effect: 'runs a query given as a string, unseen by the linter' },
  {
    prefixes: ['pg_advisory_', 'pg_try_advisory_'],
    effect: 'takes or releases advisory locks: session locks outlive the statement, and an unlock can release the lock that keeps two cutover runs apart'
  },
  { prefixes: ['pg_sleep'], effect: 'waits while holding every lock the statement took' },
  {
    names: [
      'pg_create_physical_replication_slot',
      'pg_create_logical_replication_slot',
      'pg_copy_physical_replication_slot',
      'pg_copy_logical_replication_slot',
      'pg_drop_replication_slot',
      'pg_replication_slot_advance',
      'pg_logical_slot_get_changes',
      'pg_logical_slot_get_binary_changes',
      'pg_logical_emit_message',
      'pg_sync_replication_slots'
    ],
    prefixes: ['pg_replication_origin_'],
    effect: 'creates, drops or consumes replication slots and origins: a forgotten slot keeps WAL until the disk fills, a consumed change never reaches its subscriber'
  },
  { names: ['pg_stat_statements_reset'], prefixes: ['pg_stat_reset'], effect: 'resets the statistics that monitoring and release analysis read' },
  { names: ['pg_notify'], effect: "sends a notification to listening clients, the running version's among them" }
];

/** set_config(name, value, is_local) lasts for the session unless is_local is written as true. */
function sessionWideSetConfig(call: FunctionCall): boolean {
  const isLocal = nodeAs(call.args[2] as Node | undefined, 'A_Const');
  return call.name === 'set_config' && isLocal?.boolval?.boolval !== true;
}

/** What a call does beyond its statement, or undefined for an ordinary function. */
export function sideEffectOf(call: FunctionCall): string | undefined {
  if (sessionWideSetConfig(call)) return 'changes a setting for the rest of the session (its is_local argument is not true), so every later statement runs with it';
  const match = EFFECTS.find(e => e.names?.includes(call.name) || e.prefixes?.some(p => call.name.startsWith(p)));
  return match?.effect;
}
