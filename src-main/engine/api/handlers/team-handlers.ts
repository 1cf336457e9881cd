/**
 * team.* and sync.* — team members and team sync (engine/sync, docs/team-sync.md).
 *
 * Files arrive as paths (main swapped the dialogs' handles for them): a card, a bundle to read,
 * a new file to write, a folder. Answers leave paths out (the export's `file`, the folder's path).
 */
import { addTeamMember, listTeamMembers, removeTeamMember, verifyTeamMember } from '../../sync/members.js';
import { syncFolder } from '../../sync/sync-folder.js';
import { exportSync, importSync, listConflicts, resolveConflict } from '../../sync/sync-service.js';
import { syncStatus } from '../../sync/sync-status.js';
import type { EngineImplementation } from '../dispatch.js';
import { readCardFile } from './partners-handlers.js';

export const teamHandlers: EngineImplementation['team'] = {
  list: (_input, { session }) => listTeamMembers(session.ctx),
  add: async ({ file }, { session }) => addTeamMember(session.ctx, { card: await readCardFile(file) }),
  verifyMember: (input, { session }) => verifyTeamMember(session.ctx, input),
  remove: ({ id }, { session }) => removeTeamMember(session.ctx, id),
};

export const syncHandlers: EngineImplementation['sync'] = {
  status: (_input, { session }) => syncStatus(session.ctx),
  export: async ({ to, target }, { session }) => {
    const r = await exportSync(session.ctx, { to, out: target });
    return { bundleId: r.bundleId, memberId: r.memberId, changes: r.changes, bytes: r.bytes };
  },
  import: ({ file }, { session }) => importSync(session.ctx, file),
  folder: async ({ folder }, { session }) => {
    const { folder: _path, ...rest } = await syncFolder(session.ctx, folder);
    return rest;
  },
  conflicts: ({ all }, { session }) => listConflicts(session.ctx, { all: all === true }),
  resolveConflict: (input, { session }) => resolveConflict(session.ctx, input),
};
