/** Upper bounds of the latency histogram, in seconds: Prometheus's client defaults, from 5 ms to 10 s. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The sample app's requests in Prometheus's text format: a counter by status
 * code and a latency histogram, as a typical instrumented service exposes
 * them. The color and version are labels too, so one query can tell the colors apart.
 */
export class AppMetrics {
  private readonly byCode = new Map<number, number>();
  private readonly bucketCounts = BUCKETS.map(() => 0);
  private count = 0;
  private sumSeconds = 0;

  constructor(private readonly labels: { color: string; version: string }) {}

  observe(status: number, seconds: number): void {
    this.byCode.set(status, (this.byCode.get(status) ?? 0) + 1);
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.bucketCounts[i] = (this.bucketCounts[i] ?? 0) + 1;
    });
    this.count += 1;
    this.sumSeconds += seconds;
  }

  render(): string {
    const base = `color="${this.labels.color}",version="${this.labels.version}"`;
    const lines = [
      '# HELP sample_requests_total Requests answered, by status code.',
      '# TYPE sample_requests_total counter',
      ...[...this.byCode].sort(([a], [b]) => a - b).map(([code, n]) => `sample_requests_total{${base},code="${code}"} ${n}`),
      '# HELP sample_request_duration_seconds Time to answer a request.',
      '# TYPE sample_request_duration_seconds histogram',
      ...BUCKETS.map((bound, i) => `sample_request_duration_seconds_bucket{${base},le="${bound}"} ${this.bucketCounts[i]}`),
      `sample_request_duration_seconds_bucket{${base},le="+Inf"} ${this.count}`,
      `sample_request_duration_seconds_sum{${base}} ${this.sumSeconds}`,
      `sample_request_duration_seconds_count{${base}} ${this.count}`
    ];
    return lines.join('\n') + '\n';
  }
}
