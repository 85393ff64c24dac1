/**
 * Cove's `GET /apps/:app/router-stats`: the app's request rate, status classes and p50/p95
 * service time over the last 15 minutes in 30-second steps, from the router lines in its log
 * buffer (the dashboard's charts).
 */
import type { RouterStats } from '@cove/schema';
import { visibleApp } from '../../domain/access.js';
import { routerStats } from '../../logs/router-stats.js';
import { LOG_LINES_PER_APP } from '../../store/store.js';
import type { ApiContext } from '../api-context.js';
import type { ApiServer } from '../api-server.js';

const WINDOW_MS = 15 * 60_000;
const STEP_MS = 30_000;

export function registerRouterStatsRoutes(app: ApiServer, { store }: ApiContext): void {
  app.get<{ Params: { app: string } }>('/apps/:app/router-stats', async (request): Promise<RouterStats> => {
    const record = visibleApp(store, request.user, request.params.app);
    return routerStats(store.recentLogs(record.id, LOG_LINES_PER_APP), { now: Date.now(), windowMs: WINDOW_MS, stepMs: STEP_MS });
  });
}
