import { ArrearsError } from "../errors/index.js";
import { type GuardrailProfile, getGuardrailProfile, loadGuardrailProfile } from "../guardrails/index.js";
import type { Channel } from "../model/schema.js";

/** Allowed local contact hours for a channel: minutes from midnight and ISO weekdays (bit d−1 for day d). */
interface ContactHours {
  start: number;
  end: number;
  days: number;
}

/** What a message may say about the guardrail profiles that apply: hours and requirements by channel. */
export interface ProfileView {
  hours(channel: Channel): ContactHours | null;
  requirements(channel: Channel): readonly { code: string; text: string }[];
}

const ALL_DAYS = 0b1111111;
const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const dayMask = (days: readonly number[] | undefined): number =>
  days === undefined ? ALL_DAYS : days.reduce((m, d) => m | (1 << (d - 1)), 0);

const views = new WeakMap<object, Map<string, ProfileView>>();

function toProfile(x: unknown, i: number): GuardrailProfile {
  try {
    return typeof x === "string"
      ? getGuardrailProfile(x as Parameters<typeof getGuardrailProfile>[0])
      : loadGuardrailProfile(x);
  } catch (e) {
    // Reported as the option it came from: profiles[i].
    if (e instanceof ArrearsError)
      throw new ArrearsError(
        "INVALID_OPTIONS",
        e.issues.map((is) => ({ ...is, path: ["profiles", i, ...is.path] })),
        "renderMessage options",
      );
    throw e;
  }
}

/**
 * The stricter of the profiles' windows for each channel (latest start, earliest end, only the
 * weekdays every window and rest-day rule allows) and their requirements for the collector role:
 * the data a letter quotes for "we will only visit between …", never a hard-coded sentence.
 * Cached per profiles array (decide passes the same array for every account of a jurisdiction).
 */
export function profileView(
  profiles: readonly unknown[],
  role: "creditor" | "debt_collector" = "creditor",
): ProfileView {
  let byRole = views.get(profiles);
  const hit = byRole?.get(role);
  if (hit) return hit;
  const loaded = profiles.map(toProfile);
  const hours = new Map<Channel, ContactHours | null>();
  const view: ProfileView = {
    hours(channel) {
      if (hours.has(channel)) return hours.get(channel)!;
      let h: ContactHours | null = null;
      for (const p of loaded) {
        for (const w of p.json.windows) {
          if (!w.channels.includes(channel)) continue;
          h ??= { start: 0, end: 24 * 60, days: ALL_DAYS };
          h.start = Math.max(h.start, minutes(w.start));
          h.end = Math.min(h.end, minutes(w.end));
          h.days &= dayMask(w.days);
        }
      }
      if (h !== null) {
        for (const p of loaded)
          for (const r of p.json.restDays)
            if (r.channels.includes(channel) && r.weekdays) h.days &= ~dayMask(r.weekdays) & ALL_DAYS;
        // No lawful hour left: say nothing rather than print an empty window.
        if (h.start >= h.end || h.days === 0) h = null;
      }
      hours.set(channel, h);
      return h;
    },
    requirements(channel) {
      const out: { code: string; text: string }[] = [];
      for (const p of loaded)
        for (const r of p.json.requirements)
          if (r.channels.includes(channel) && (r.roles ?? ["creditor", "debt_collector"]).includes(role))
            out.push({ code: r.code, text: r.text });
      return out;
    },
  };
  if (!byRole) views.set(profiles, (byRole = new Map()));
  byRole.set(role, view);
  return view;
}
