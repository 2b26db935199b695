"use client";

import { useSyncExternalStore } from "react";
import { PROGRESS_KEY, emptyProgress, loadProgress, type Progress } from "./progress-store";

const CHANGED = "shipyard:progress-changed";
/** Kept for the browser session: every view (whichever bundle it is in) shows why progress was reset. */
const NOTICE_KEY = "shipyard:progress-notice";
let cache: { raw: string | null; notice: string | null; value: Progress; result: { value: Progress; notice?: string } } | undefined;
const EMPTY = { value: emptyProgress() };

/** Call after writing progress so every view on the page updates (other tabs get the storage event). */
export function progressChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  window.addEventListener("storage", listener);
  return () => {
    window.removeEventListener(CHANGED, listener);
    window.removeEventListener("storage", listener);
  };
}

function snapshot(): { value: Progress; notice?: string } {
  try {
    const store = window.localStorage;
    let raw = store.getItem(PROGRESS_KEY);
    if (!cache || cache.raw !== raw) {
      const loaded = loadProgress(store);
      if (loaded.notice) window.sessionStorage.setItem(NOTICE_KEY, loaded.notice);
      raw = store.getItem(PROGRESS_KEY);
      cache = { raw, notice: null, value: loaded.value, result: EMPTY };
    }
    const notice = window.sessionStorage.getItem(NOTICE_KEY);
    if (cache.result === EMPTY || cache.notice !== notice) {
      cache.notice = notice;
      cache.result = notice ? { value: cache.value, notice } : { value: cache.value };
    }
    return cache.result;
  } catch {
    return EMPTY;
  }
}

/** Course progress from this browser; empty during the static render. */
export function useProgress(): { value: Progress; notice?: string } {
  return useSyncExternalStore(subscribe, snapshot, () => EMPTY);
}
