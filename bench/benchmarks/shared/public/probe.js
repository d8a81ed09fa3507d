// Loaded first, as a classic script, by every bench page: long tasks are not buffered by the
// browser, so the observer must exist before any module runs. Each long task is kept with its
// start, so a bench can count those of each phase (load, scroll) itself. The page scripts call
// benchMark(name, detail?) at their milestones; the bench reads window.benchResult.
(() => {
  const result = { longestTaskMs: 0, longTasks: [] };
  window.benchResult = result;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      result.longTasks.push({ start: entry.startTime, duration: entry.duration });
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
