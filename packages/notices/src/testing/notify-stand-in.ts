import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface NotifyRequest {
  path: string;
  authorization: string;
  body: Record<string, unknown>;
}

export interface NotifyStandIn {
  /** Pass as the Notify base URL. */
  url: string;
  requests: NotifyRequest[];
  /** Answer the next requests with these statuses (and Notify's error body) before 201s again. */
  answerNext(...statuses: number[]): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const errorNames: Record<number, string> = {
  400: "BadRequestError",
  403: "AuthError",
  429: "RateLimitError",
  500: "Exception",
};

/**
 * GOV.UK Notify stubbed at the network edge: a local HTTP server answering
 * `POST /v2/notifications/email` as Notify documents it (201 with the
 * notification, or its error body), recording each request.
 */
export async function startNotifyStandIn(): Promise<NotifyStandIn> {
  const requests: NotifyRequest[] = [];
  const queued: number[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      requests.push({
        path: request.url ?? "",
        authorization: request.headers.authorization ?? "",
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      const status = queued.shift() ?? 201;
      response.writeHead(status, { "content-type": "application/json" });
      if (status === 201) {
        response.end(
          JSON.stringify({ id: crypto.randomUUID(), reference: requests.at(-1)?.body.reference }),
        );
        return;
      }
      // Notify's errors quote details such as the address; the transport must not keep them.
      const error = errorNames[status] ?? "Exception";
      response.end(
        JSON.stringify({
          status_code: status,
          errors: [{ error, message: "Can't send to this recipient: someone@example.test" }],
        }),
      );
    });
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerNext(...statuses) {
      queued.push(...statuses);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
