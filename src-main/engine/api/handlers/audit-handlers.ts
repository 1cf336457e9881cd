/** audit.* — the audit log viewer: pages newest first, and the chain check (with its signed checkpoints). */
import { listAuditPage, countAudit } from '../../audit/audit-log.js';
import { verifyAuditLog } from '../../identity/audit-checkpoints.js';
import type { EngineImplementation } from '../dispatch.js';

export const auditHandlers: EngineImplementation['audit'] = {
  list: ({ limit, offset, subject }, { session }) => {
    const page = listAuditPage(session.vault.db, { limit, offset, subject });
    // prevHash is implied by the previous entry's hash; the viewer shows each entry's own.
    return { ...page, items: page.items.map(({ prevHash: _prev, ...e }) => e) };
  },

  verify: (_input, cx) => {
    const vault = cx.session.vault;
    const total = countAudit(vault.db);
    return verifyAuditLog(vault.db, vault.id, vault.identity.publicKey, (done) =>
      cx.progress({ phase: 'verifying', done, total }),
    );
  },
};
