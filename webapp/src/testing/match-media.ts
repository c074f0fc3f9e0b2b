/** jsdom has no matchMedia; this one answers prefers-color-scheme from a switch the tests control. */
type Listener = (event: MediaQueryListEvent) => void;

let dark = false;
const listeners = new Set<Listener>();

function matches(query: string): boolean {
  return query.includes('prefers-color-scheme: dark') ? dark : false;
}

window.matchMedia = (query: string): MediaQueryList =>
  ({
    media: query,
    get matches() {
      return matches(query);
    },
    onchange: null,
    addEventListener: (_type: string, listener: Listener) => listeners.add(listener),
    removeEventListener: (_type: string, listener: Listener) => listeners.delete(listener),
    addListener: (listener: Listener) => listeners.add(listener),
    removeListener: (listener: Listener) => listeners.delete(listener),
    dispatchEvent: () => true,
  }) as unknown as MediaQueryList;

export function setSystemDarkMode(value: boolean): void {
  if (dark === value) return;
  dark = value;
  listeners.forEach((listener) => listener({ matches: value } as MediaQueryListEvent));
}
