import { defineHandler } from '../../shared/http/handler.ts';
import { privacyRoutes } from '../../shared/routes/privacy.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { processingRegister } from '../../shared/store/processing-register.ts';

/** The processing register, with each kind's retention as in force today. Reads nothing from the table. */
export const handler = defineHandler(privacyRoutes.privacyRegister, ({ deps }) => {
  const on = brusselsDateOf(deps.clock());
  return Promise.resolve({ status: 200, body: { on, items: processingRegister(on) } });
});
