// The store contract: every case in contract-cases.ts, on SQLite and on PostgreSQL, each on a
// fresh database. PostgreSQL is at SITREP_TEST_PG; when it is unreachable the PostgreSQL half is
// skipped with the reason, except with CI=true, where it fails.
import { describe, test } from 'node:test';
import { contractCases } from './contract-cases.ts';
import { accountCases } from './contract-accounts.ts';
import { traceCases } from './trace-cases.ts';
import { workspaceCases } from './workspace-cases.ts';
import { feedCases } from './feeds-cases.ts';
import { postgresTarget, sqliteTarget } from './targets.ts';

for (const target of [sqliteTarget, await postgresTarget()]) {
  void describe(`${target.name} store contract`, { skip: target.skip }, () => {
    if (target.fail) {
      const reason = target.fail;
      test('its database is reachable', () => {
        throw new Error(reason);
      });
      return;
    }
    for (const [name, run] of Object.entries({
      ...contractCases,
      ...accountCases,
      ...traceCases,
      ...workspaceCases,
      ...feedCases,
    })) {
      test(name, async () => {
        const harness = await target.create();
        try {
          await run(harness);
        } finally {
          await harness.cleanup();
        }
      });
    }
  });
}
