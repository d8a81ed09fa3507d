// Loaded first, as a classic script: long tasks are not buffered by the browser, so the observer
// must exist before any module runs. Each long task is kept with its start, so the bench can
// count those of each phase (load, scroll) itself.
(() => {
  const result = { longTasks: [] };
  window.benchResult = result;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      result.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask' });
  window.benchMark = (name) => {
    result[name] = performance.now();
  };
  window.benchFail = (error) => {
    result.error = String(error?.stack ?? error);
  };
})();
