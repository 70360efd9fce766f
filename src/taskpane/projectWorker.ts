/* global Worker, MessageEvent */
import { Projection, Projector, projectHere } from "../excel/project";

/**
 * Runs the scan's projection in a web worker (the script webpack builds as `url`); where a worker
 * cannot start (an old host, a blocked script), it runs here instead, so a scan always completes.
 */
export function projectInWorker(url: string): Projector {
  let worker: Worker | null = null;
  let unavailable = typeof Worker === "undefined";
  let seq = 0;
  return (snapshot, options) => {
    if (unavailable) return projectHere(snapshot, options);
    return new Promise<Projection>((resolve, reject) => {
      try {
        worker ??= new Worker(url);
      } catch {
        unavailable = true;
        resolve(projectHere(snapshot, options));
        return;
      }
      const w = worker;
      const id = ++seq;
      const done = () => {
        w.removeEventListener("message", onMessage);
        w.removeEventListener("error", onError);
      };
      const onMessage = (e: MessageEvent) => {
        const data = e.data as { id: number; ok: boolean; result?: Projection; message?: string };
        if (data.id !== id) return;
        done();
        if (data.ok) resolve(data.result as Projection);
        else reject(new Error(data.message));
      };
      const onError = () => {
        done();
        unavailable = true;
        w.terminate();
        worker = null;
        resolve(projectHere(snapshot, options));
      };
      w.addEventListener("message", onMessage);
      w.addEventListener("error", onError);
      w.postMessage({ id, snapshot, options });
    });
  };
}
