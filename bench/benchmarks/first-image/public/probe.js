// Loaded first, as a classic script, by both bench pages: long tasks are not buffered by the
// browser, so the observer must exist before any module runs. The page scripts call
// benchMark(name) at their milestones; the bench reads window.benchResult.
(() => {
  const result = { longestTaskMs: 0, longTasks: 0 };
  window.benchResult = result;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      result.longTasks++;
      result.longestTaskMs = Math.max(result.longestTaskMs, entry.duration);
    }
  }).observe({ type: 'longtask' });
  window.benchMark = (name, detail) => {
    result[name] = performance.now();
    if (detail !== undefined) result[`${name}Detail`] = detail;
  };
  window.benchFail = (error) => {
    result.error = String(error?.stack ?? error);
  };
})();
