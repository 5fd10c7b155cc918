import type { Node, RangeVar, RenameStmt } from 'libpg-query';
import { nodeAs, nodesAs, objectKind, objectName, relationName, relationOf, strings } from '../sql/nodes.js';
import { alterTableOf } from '../sql/alter-table.js';
import { BEFORE_PROMOTION, type Hit, type Rule } from './rule.js';
import { RELATION_KINDS } from './rules-compat.js';

/*
 * Every other kind of object the running version may use by name: schemas,
 * types and enum values, domains, functions, sequences, triggers, policies,
 * indexes, constraints, extensions, roles and the rest PostgreSQL can drop or
 * rename. Tables, views and columns have their own rules (rules-compat.ts).
 */

/** Objects that live on a table and are dropped as `name ON table`. */
const ON_TABLE = ['OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE'];

function droppedObject(removeType: string | undefined, object: Node): Hit {
  const kind = objectKind(removeType);
  const items = strings(nodeAs(object, 'List')?.items);
  if (ON_TABLE.includes(removeType ?? '') && items.length > 1) {
    const table = relationOf(items.slice(0, -1));
    return { message: `drops ${kind} ${items[items.length - 1]} on ${relationName(table)}`, table };
  }
  const name = objectName(object, removeType);
  return { message: `drops ${kind} ${name}`, ...(removeType === 'OBJECT_INDEX' ? { index: name } : {}) };
}

/** Role names; PUBLIC, CURRENT_USER and the like are role specs without a name. */
const roleNames = (roles: readonly Node[] | undefined) => nodesAs(roles, 'RoleSpec').map(r => r.rolename ?? (r.roletype ?? '?').replace(/^ROLESPEC_/, '')).join(', ');

export const dropObject: Rule = {
  id: 'drop-object',
  phases: BEFORE_PROMOTION,
  why: 'The running version may still use it: a type or domain its columns and casts name, a function or sequence its queries call, a trigger or policy that keeps its rows right, a unique index or constraint its ON CONFLICT needs, an index its queries are fast only with, a role it connects as. Whatever used it fails, or silently changes, from the moment it is gone.',
  fix: 'Ship a version that no longer uses it, then drop it in contract.sql, which runs after promotion. If nothing running can use it (created by this migration, or long unused), allow it with a reason.',
  check: (statement, facts) => {
    const hits: Hit[] = [];
    const drop = nodeAs(statement.node, 'DropStmt');
    if (drop && !RELATION_KINDS.includes(drop.removeType ?? '')) hits.push(...(drop.objects ?? []).map(object => droppedObject(drop.removeType, object)));
    const alter = alterTableOf(statement);
    for (const cmd of alter?.cmds ?? []) {
      const table = alter?.relation as RangeVar;
      // A constraint added earlier in the file (the CHECK that proves NOT NULL, say) is new: nobody relies on it.
      if (cmd.subtype === 'AT_DropConstraint' && cmd.name && !facts.isNewConstraint(table, cmd.name)) {
        hits.push({ message: `drops constraint ${cmd.name} of ${relationName(table)}`, table });
      }
      if (cmd.subtype === 'AT_DetachPartition') {
        hits.push({ message: `detaches partition ${relationName(nodeAs(cmd.def, 'PartitionCmd')?.name)} from ${relationName(table)}: its rows leave every query on ${relationName(table)}`, table });
      }
    }
    const domain = nodeAs(statement.node, 'AlterDomainStmt');
    if (domain?.subtype === 'X') hits.push({ message: `drops constraint ${domain.name} of domain ${strings(domain.typeName).join('.')}` });
    const role = nodeAs(statement.node, 'DropRoleStmt');
    if (role) hits.push({ message: `drops role ${roleNames(role.roles)}` });
    const owned = nodeAs(statement.node, 'DropOwnedStmt');
    if (owned) hits.push({ message: `drops everything owned by ${roleNames(owned.roles)}` });
    const database = nodeAs(statement.node, 'DropdbStmt');
    if (database) hits.push({ message: `drops database ${database.dbname}` });
    const tablespace = nodeAs(statement.node, 'DropTableSpaceStmt');
    if (tablespace) hits.push({ message: `drops tablespace ${tablespace.tablespacename}` });
    const subscription = nodeAs(statement.node, 'DropSubscriptionStmt');
    if (subscription) hits.push({ message: `drops subscription ${subscription.subname}` });
    const mapping = nodeAs(statement.node, 'DropUserMappingStmt');
    if (mapping) hits.push({ message: `drops the user mapping of ${mapping.user?.rolename ?? 'a role'} for server ${mapping.servername}` });
    return hits;
  }
};

/** What a RENAME names: `t on users`, `app.f(int4)`, `users_email_idx`. */
function renamedName(rename: RenameStmt): string {
  if (rename.relation) return rename.subname ? `${rename.subname} on ${relationName(rename.relation)}` : relationName(rename.relation);
  if (rename.object) return rename.subname ? `${rename.subname} of ${objectName(rename.object)}` : objectName(rename.object, rename.renameType);
  return rename.subname ?? '?';
}

export const renameObject: Rule = {
  id: 'rename-object',
  phases: BEFORE_PROMOTION,
  why: 'The running version still uses the old name: every query, cast, call or ON CONFLICT ON CONSTRAINT naming it fails from the moment it is renamed or moved to another schema. An enum value renamed is a value the running version still writes and compares.',
  fix: 'Keep the old name until the old version is gone: create the object under its new name in expand.sql (for an enum, ADD VALUE), switch the new version to it, and drop or rename the old one in contract.sql.',
  check: statement => {
    const hits: Hit[] = [];
    const rename = nodeAs(statement.node, 'RenameStmt');
    // Columns, tables, views and schemas: rename-column and rename-table.
    const others = rename && !['OBJECT_COLUMN', 'OBJECT_SCHEMA', ...RELATION_KINDS].includes(rename.renameType ?? '');
    if (rename && others) {
      const isIndex = rename.renameType === 'OBJECT_INDEX' && rename.relation;
      const where = isIndex ? { index: relationName(rename.relation) } : rename.relation ? { table: rename.relation } : {};
      hits.push({ message: `renames ${objectKind(rename.renameType)} ${renamedName(rename)} to ${rename.newname}`, ...where });
    }
    const move = nodeAs(statement.node, 'AlterObjectSchemaStmt');
    if (move && !RELATION_KINDS.includes(move.objectType ?? '')) {
      const name = move.relation ? relationName(move.relation) : objectName(move.object, move.objectType);
      hits.push({ message: `moves ${objectKind(move.objectType)} ${name} to schema ${move.newschema}` });
    }
    const value = nodeAs(statement.node, 'AlterEnumStmt');
    if (value?.oldVal !== undefined) {
      hits.push({ message: `renames value ${JSON.stringify(value.oldVal)} of enum ${strings(value.typeName).join('.')} to ${JSON.stringify(value.newVal)}` });
    }
    return hits;
  }
};

export const revokeAccess: Rule = {
  id: 'revoke-access',
  phases: BEFORE_PROMOTION,
  why: 'The running version connects as a role that needs its privileges and memberships: a REVOKE, a new owner (the old owner loses what only owners may do), or ALTER ROLE (NOLOGIN, a new password, VALID UNTIL, a connection limit) can make its queries fail or its connections be refused. GRANT only adds, and is fine.',
  fix: 'Revoke, change owners and alter roles in contract.sql, once the version that relied on them is gone; or allow it with a reason when the running version does not connect as that role.',
  check: statement => {
    const hits: Hit[] = [];
    const grant = nodeAs(statement.node, 'GrantStmt');
    if (grant && !grant.is_grant) {
      const privileges = nodesAs(grant.privileges, 'AccessPriv').map(p => p.priv_name ?? '?').join(', ') || 'all privileges';
      const scope = grant.targtype === 'ACL_TARGET_ALL_IN_SCHEMA' ? `all ${objectKind(grant.objtype)}s in schema ` : `${objectKind(grant.objtype)} `;
      for (const object of grant.objects ?? []) {
        const table = nodeAs(object, 'RangeVar');
        hits.push({ message: `revokes ${privileges} on ${scope}${objectName(object)} from ${roleNames(grant.grantees)}`, ...(table ? { table } : {}) });
      }
    }
    const membership = nodeAs(statement.node, 'GrantRoleStmt');
    if (membership && !membership.is_grant) hits.push({ message: `revokes membership in ${nodesAs(membership.granted_roles, 'AccessPriv').map(p => p.priv_name).join(', ')} from ${roleNames(membership.grantee_roles)}` });
    const owner = nodeAs(statement.node, 'AlterOwnerStmt');
    if (owner) hits.push({ message: `changes the owner of ${objectKind(owner.objectType)} ${owner.relation ? relationName(owner.relation) : objectName(owner.object, owner.objectType)} to ${owner.newowner?.rolename}` });
    const alter = alterTableOf(statement);
    for (const cmd of alter?.cmds.filter(c => c.subtype === 'AT_ChangeOwner') ?? []) {
      hits.push({ message: `changes the owner of ${objectKind(alter?.objtype)} ${relationName(alter?.relation)} to ${cmd.newowner?.rolename}`, ...(alter ? { table: alter.relation } : {}) });
    }
    const reassign = nodeAs(statement.node, 'ReassignOwnedStmt');
    if (reassign) hits.push({ message: `gives everything owned by ${roleNames(reassign.roles)} to ${reassign.newrole?.rolename}` });
    const role = nodeAs(statement.node, 'AlterRoleStmt');
    // Option names only: a PASSWORD value must not reach a log.
    if (role) hits.push({ message: `changes role ${role.role?.rolename ?? '?'} (${nodesAs(role.options, 'DefElem').map(d => d.defname).join(', ')})` });
    return hits;
  }
};
