// The entity timeline panel: a bar chart (SVG) of the entity's mentions per day or hour.

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

export function drawTimeline(container, data) {
  container.replaceChildren();
  const buckets = data.buckets || [];
  const width = 320;
  const height = 140;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const step = buckets.length ? width / buckets.length : width;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height + 24}`,
    role: "img",
    class: "timeline-svg",
    "aria-label": `${data.total} mentions`,
  });
  buckets.forEach((bucket, i) => {
    const barHeight = Math.round((bucket.count / max) * height);
    const bar = svg("rect", {
      x: (i * step + 1).toFixed(1),
      y: height - barHeight,
      width: Math.max(1, step - 2).toFixed(1),
      height: barHeight,
      class: bucket.count ? "bar" : "bar empty",
      "data-count": bucket.count,
    });
    const tip = svg("title", {});
    tip.textContent = `${bucket.date.slice(0, 10)}: ${bucket.count}`;
    bar.append(tip);
    chart.append(bar);
  });
  chart.append(svg("line", { x1: 0, y1: height, x2: width, y2: height, class: "axis" }));
  if (buckets.length) {
    const first = svg("text", { x: 0, y: height + 16, class: "tick" });
    first.textContent = buckets[0].date.slice(0, 10);
    const last = svg("text", { x: width, y: height + 16, class: "tick", "text-anchor": "end" });
    last.textContent = buckets[buckets.length - 1].date.slice(0, 10);
    chart.append(first, last);
  }
  container.append(chart);
}
