/** Runs before paint so the page never flashes the wrong theme. */
export const themeScript = `(() => {
  try {
    const saved = localStorage.getItem("shipyard-theme");
    const dark = saved ? saved === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.classList.toggle("dark", dark);
  } catch {}
})();`;
