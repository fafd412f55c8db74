/**
 * Hides on the fake's proxies what the host profile does not have, as a real Excel does: a
 * member whose requirement set (from the generated map of @types/office-js annotations) is
 * outside the supported sets reads as undefined (so calling it throws "… is not a function"),
 * `in` says false, and assigning it queues an ApiNotFound that fails the next sync.
 */
import apiSetMap from "./generated/excelApiSets.json";
import { setsSupport } from "./profiles";

const TYPES = (apiSetMap as { types: Record<string, Record<string, string>> }).types;

export class ApiGate {
  constructor(private readonly sets: () => Readonly<Record<string, string>>) {}

  /** Requirement of `type.member`, e.g. "ExcelApi 1.9"; undefined when the map does not know it. */
  static requirement(type: string, member: string): string | undefined {
    return TYPES[type]?.[member];
  }

  /** isSetSupported. */
  supports(set: string, version: string): boolean {
    return setsSupport(this.sets(), set, version);
  }

  /** Whether the host has `type.member` (members not in the map — the fake's own — always pass). */
  has(type: string, member: string): boolean {
    if (member === "context") return true; // the fake's own plumbing
    const req = ApiGate.requirement(type, member);
    if (req === undefined) return true;
    const [set, version] = req.split(" ") as [string, string];
    if (version === "Preview") return false;
    return setsSupport(this.sets(), set, version);
  }

  /** Copy of event args without the fields the host does not send (e.g. triggerSource below 1.14). */
  filterArgs(type: string, args: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(args).filter(([k]) => this.has(type, k)));
  }

  /** Wrap `target` so members of `type` outside the profile are missing. */
  wrap<T extends object>(target: T, type: string, onMissingSet: (member: string) => void): T {
    return new Proxy(target, {
      get: (t, p, receiver) => (typeof p === "string" && !this.has(type, p) ? undefined : Reflect.get(t, p, receiver)),
      has: (t, p) => (typeof p === "string" && !this.has(type, p) ? false : Reflect.has(t, p)),
      set: (t, p, v, receiver) => {
        if (typeof p === "string" && !this.has(type, p)) {
          onMissingSet(p);
          return true;
        }
        return Reflect.set(t, p, v, receiver);
      },
    });
  }
}
