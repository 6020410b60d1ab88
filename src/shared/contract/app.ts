import { z } from 'zod';
import { event, method } from './define';

export const AppInfo = z.object({
  name: z.literal('Stockroom'),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appMethods = {
  'app.getInfo': method(z.object({}).strict(), AppInfo, 'Version and host mode of the running app.'),
};

export const appEvents = {
  'app.notified': event(
    z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() }),
    'A message from main for the toast area (e.g. a background failure).',
  ),
};
