/* Node only (tests and the bench): never bundled into the add-in. */
/* global require, setTimeout, clearTimeout, Buffer */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { FakeRequestContext, fakeExcelRun } from "./context";
import { FakeWorkbookModel } from "./model";

/**
 * Real request bytes. Office.js's own host script (`@microsoft/office-js`, Excel on the web) runs
 * in a sandbox beside the fake: every call the adapter makes on the fake is made on a real
 * `Excel.RequestContext` as well, and at each sync the request Office.js would send
 * (`JSON.stringify(requestMessage.Body)`, what `RichApiMessageUtility.buildMessageArrayForIRequestExecutor`
 * posts) is captured by a request executor that sends nothing. Reads are answered by the fake.
 *
 * Items of a loaded collection are addressed on the real side by an indexer with an id of the size
 * Excel gives (a 38-character GUID for sheets and rules, the name for names), as Office.js
 * addresses them after a load.
 */

type AnyObject = Record<string | symbol, any>;

let officeJs: AnyObject | null = null;

/** The sandbox holding Office.js's `Excel` and `OfficeExtension` (loaded once). */
export function officeJsSandbox(): AnyObject {
  if (officeJs) return officeJs;
  const file = path.join(
    path.dirname(require.resolve("@microsoft/office-js/package.json")),
    "dist",
    "excel-web-16.00.js"
  );
  const sandbox: AnyObject = {
    console: { log() {}, warn() {}, error() {}, info() {} },
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: "node" },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  if (typeof sandbox.Excel?.RequestContext !== "function")
    throw new Error(`${file} did not define Excel.RequestContext`);
  officeJs = sandbox;
  return sandbox;
}

/** Bytes of every request Office.js built, per sync, across all batches of one measured run. */
export interface RequestLog {
  requests: number[];
  readonly max: number;
}

export function newRequestLog(): RequestLog {
  const requests: number[] = [];
  return {
    requests,
    get max() {
      return requests.reduce((m, b) => Math.max(m, b), 0);
    },
  };
}

let references = 0;
/** Excel's reference ids look like "{GUID}" followed by a counter. */
function referenceId(n: number): string {
  return `${guid(n)}${n}`;
}

function guid(n: number): string {
  const h = n.toString(16).padStart(12, "0");
  return `{00000000-0000-0000-0000-${h}}`;
}

const PAIR = Symbol("pair");

function unwrap(v: unknown): unknown {
  return v && typeof v === "object" && (v as AnyObject)[PAIR] ? (v as AnyObject)[PAIR].fake : v;
}

function realOf(v: unknown): unknown {
  return v && typeof v === "object" && (v as AnyObject)[PAIR] ? (v as AnyObject)[PAIR].real : v;
}

/** The pair of each collection item, made once (reading `items` again gives the same objects). */
const itemPairs = new WeakMap<object, AnyObject>();

/**
 * The fake object with its Office.js twin. A twin given as a function is made when the adapter first
 * uses the object: an item of a loaded collection costs nothing in a request until it is used, as in
 * Office.js, where loaded items come from the response.
 */
function pair(
  fake: AnyObject,
  twin: AnyObject | null | (() => AnyObject | null),
  onSync: () => Promise<void>
): AnyObject {
  let made = typeof twin !== "function";
  let realObject = typeof twin === "function" ? null : twin;
  const realNow = (): AnyObject | null => {
    if (!made) {
      made = true;
      realObject = (twin as () => AnyObject | null)();
    }
    return realObject;
  };
  const proxy: AnyObject = new Proxy(fake, {
    get(target, prop) {
      if (prop === PAIR) return { fake: target, real: realNow() };
      if (prop === "sync") return onSync;
      const value = Reflect.get(target, prop, target);
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          const result = value.apply(
            target,
            args.map((a) => unwrap(a))
          );
          // Event handlers stay with the fake: only requests are measured.
          const events = args.some((a) => typeof a === "function");
          const real = realNow();
          const realResult =
            real && !events && typeof real[prop] === "function"
              ? real[prop](...args.map((a) => realOf(a)))
              : null;
          if (result === target) return proxy;
          if (result && typeof result === "object" && !Array.isArray(result))
            return pair(result, realResult, onSync);
          return result;
        };
      }
      if (prop === "items" && Array.isArray(value)) {
        return value.map((item: AnyObject, i: number) => {
          let itemPair = itemPairs.get(item);
          if (!itemPair) {
            // Names are addressed by name; sheets and rules by an id the size of Excel's.
            const key = typeof item.itemName === "string" ? item.itemName : guid(i + 1);
            itemPair = pair(
              item,
              () => {
                const real = realNow();
                return real && typeof real.getItem === "function" ? real.getItem(key) : null;
              },
              onSync
            );
            itemPairs.set(item, itemPair);
          }
          return itemPair;
        });
      }
      if (value && typeof value === "object" && !Array.isArray(value)) {
        let realChild: unknown = null;
        try {
          const real = realNow();
          realChild = real ? real[prop] : null;
        } catch {
          realChild = null;
        }
        return pair(
          value,
          realChild && typeof realChild === "object" ? (realChild as AnyObject) : null,
          onSync
        );
      }
      return value;
    },
    set(target, prop, value) {
      Reflect.set(target, prop, unwrap(value), target);
      const real = realNow();
      if (real) real[prop] = realOf(value);
      return true;
    },
  });
  return proxy;
}

/**
 * Excel.run over the fake, with every request also built by Office.js and measured in `log`.
 * The fake's own contexts (sync counts, response sizes) go into `contexts` as with fakeExcelRun.
 */
export function measuredExcelRun(
  model: FakeWorkbookModel,
  log: RequestLog,
  contexts: FakeRequestContext[] = []
) {
  const { Excel } = officeJsSandbox();
  const fakeRun = fakeExcelRun(model, contexts);
  return async <T>(batch: (context: AnyObject) => Promise<T>): Promise<T> =>
    fakeRun(async (fakeCtx) => {
      const real = new Excel.RequestContext();
      real._requestExecutor = {
        executeAsync(_customData: unknown, _flags: unknown, message: { Body: unknown }) {
          const body = message.Body as {
            Actions: { Id: number; ActionType: number; ObjectPathId: number }[];
            ObjectPaths: Record<string, { ObjectPathType: number }>;
          };
          log.requests.push(Buffer.byteLength(JSON.stringify(body), "utf8"));
          // Excel answers an instantiated method result with a reference id, which later requests
          // use instead of the object's path (ObjectPath.updateUsingObjectData).
          const Results = body.Actions.filter(
            (a) => a.ActionType === 1 && body.ObjectPaths[a.ObjectPathId]?.ObjectPathType === 3
          ).map((a) => ({ ActionId: a.Id, Value: { _ReferenceId: referenceId(++references) } }));
          return Promise.resolve({
            ErrorCode: null,
            HttpStatusCode: 200,
            Headers: {},
            Body: { Results },
          });
        },
      };
      const sync = async () => {
        try {
          await real.sync();
        } catch {
          // The empty response leaves Office.js's loaded objects unset; only the bytes matter here.
        }
        await fakeCtx.sync();
      };
      const ctx = pair(fakeCtx as unknown as AnyObject, real, sync);
      const result = await batch(ctx);
      if (fakeCtx.pending) await sync();
      return result;
    });
}
