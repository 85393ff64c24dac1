/** A small data-fetching hook: loads a resource, optionally polls it, and reloads on demand. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from './errors.js';

export interface Resource<T> {
  data: T | undefined;
  error: string | undefined;
  reload: () => Promise<void>;
}

export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[], pollMs?: number): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(async () => {
    try {
      setData(await loader.current());
      setError(undefined);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    setData(undefined);
    void reload();
    if (pollMs === undefined) return undefined;
    const timer = setInterval(() => void reload(), pollMs);
    return () => clearInterval(timer);
  }, deps);
  return { data, error, reload };
}

export interface Action {
  /** The API's message of the last failed action; cleared when the next one starts. */
  error: string | undefined;
  /** Runs `action`, then `after` (a reload); true when both succeeded. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}

/** A change made through the API: its error for the page, and the reload that follows it. */
export function useAction(after: () => Promise<void>): Action {
  const [error, setError] = useState<string | undefined>(undefined);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setError(undefined);
    try {
      await action();
      await after();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };
  return { error, run };
}
