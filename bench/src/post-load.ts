/**
 * A closed-loop POST runner: a fixed list of requests (each with its own headers: a session cookie
 * and CSRF token), taken in order by N keep-alive connections; each connection sends its next
 * request when the last has answered. Unlike runLoad (load-generator.ts), which repeats one GET for
 * a time, this sends every request once and records each answer: status, the problem `code` of an
 * error answer, and the latency.
 */
import { Agent, request } from 'node:http';

export interface PostRequest {
  path: string;
  headers: Record<string, string>;
  /** a JSON body (sent with content-type application/json); none when absent */
  body?: string;
}

export interface PostAnswer {
  /** HTTP status, 0 when the connection failed */
  status: number;
  /** the parsed JSON body (problem+json for errors), null when it was not JSON */
  body: Record<string, unknown> | null;
  ms: number;
  /** when the answer came, in ms from the start of the run */
  doneAt: number;
}

export interface PostRun {
  answers: PostAnswer[];
  seconds: number;
}

function post(base: URL, agent: Agent, r: PostRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = r.body === undefined ? { ...r.headers, 'content-length': '0' } : { ...r.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(r.body)) };
    const req = request(new URL(r.path, base), { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

/** Sends every request of `requests` once over `connections` keep-alive connections; answers are in the order of `requests`. */
export async function runPosts(baseUrl: string, requests: readonly PostRequest[], connections: number): Promise<PostRun> {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const answers: PostAnswer[] = new Array<PostAnswer>(requests.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(connections, requests.length) }, async () => {
      for (let i = next++; i < requests.length; i = next++) {
        const t0 = performance.now();
        try {
          const { status, text } = await post(base, agent, requests[i]!);
          let body: Record<string, unknown> | null = null;
          try {
            body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
          } catch {
            /* not JSON: left null */
          }
          answers[i] = { status, body, ms: performance.now() - t0, doneAt: performance.now() - started };
        } catch {
          answers[i] = { status: 0, body: null, ms: performance.now() - t0, doneAt: performance.now() - started };
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { answers, seconds };
}
