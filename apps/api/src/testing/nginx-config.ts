/**
 * The nginx configuration for API replicas behind a load balancer: docs/operations.md shows the production
 * rendering of this function, and replicas-behind-nginx.integration.test.ts runs nginx with the test's
 * rendering, so the documented config is the tested one (nginx-config.test.ts keeps the doc in step).
 */
export interface NginxConfigOptions {
  /** `listen` argument, e.g. "80" or "127.0.0.1:8080". */
  listen: string;
  /** host:port of each API replica. */
  upstreams: string[];
  /** Absolute paths nginx writes to. */
  paths: { pid: string; errorLog: string; accessLog: string; tempDir: string };
  /** The unprivileged user the worker processes run as. */
  user: string;
  workerProcesses: string;
  /** Run in the foreground (a supervisor or a test owns the process). */
  foreground: boolean;
  /** Replicas taken out for a restart (`down`: nginx sends them no new request). */
  drained?: readonly string[];
}

/** The production example shown in docs/operations.md. */
export const PRODUCTION_NGINX_OPTIONS: NginxConfigOptions = {
  listen: "80",
  upstreams: ["10.0.0.11:4000", "10.0.0.12:4000"],
  paths: {
    pid: "/run/nginx.pid",
    errorLog: "/var/log/nginx/error.log",
    accessLog: "/var/log/nginx/stockroom-api.log",
    tempDir: "/var/lib/nginx",
  },
  user: "www-data",
  workerProcesses: "auto",
  foreground: false,
};

export function renderNginxConfig(options: NginxConfigOptions): string {
  const { paths } = options;
  const servers = options.upstreams.map((address) =>
    options.drained?.includes(address)
      ? `    server ${address} down;`
      : `    server ${address} max_fails=1 fail_timeout=2s;`,
  );
  return `${options.foreground ? "daemon off;\n" : ""}user ${options.user};
worker_processes ${options.workerProcesses};
pid ${paths.pid};
error_log ${paths.errorLog} warn;

events {
  worker_connections 1024;
}

http {
  # Which replica answered each request, and what it answered (a retried request lists both).
  log_format upstream '$remote_addr "$request" $status upstream=$upstream_addr upstream_status=$upstream_status time=$request_time';
  access_log ${paths.accessLog} upstream;
  client_body_temp_path ${paths.tempDir}/body;
  proxy_temp_path ${paths.tempDir}/proxy;
  fastcgi_temp_path ${paths.tempDir}/fastcgi;
  uwsgi_temp_path ${paths.tempDir}/uwsgi;
  scgi_temp_path ${paths.tempDir}/scgi;

  upstream stockroom_api {
    # A replica that refuses a connection (stopped, restarting) is skipped for 2 s, then tried again.
${servers.join("\n")}
    keepalive 32;
    # Below the API's SHUTDOWN_DRAIN_MS (default 5 s): an idle pooled connection to a draining replica
    # is dropped by nginx before the replica closes, so nginx never writes a request into a closing socket.
    keepalive_timeout 2s;
  }

  server {
    listen ${options.listen};
    # The API accepts bodies up to 4 MiB (CSV imports).
    client_max_body_size 4m;

    location / {
      proxy_pass http://stockroom_api;
      # HTTP/1.1 with an empty Connection header keeps upstream connections alive (the keepalive pool).
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      # nginx is the edge: the client's address replaces whatever X-Forwarded-For it sent. The API
      # trusts exactly this hop (TRUST_PROXY=<nginx's address>) and rate-limits by this address.
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Retry on the other replica only when the request did not reach this one's application: a refused
      # or failed connection, for any method. POST and PATCH are never sent twice once written (nginx's
      # default without non_idempotent), so an order is never placed by two replicas.
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_send_timeout 30s;
      proxy_read_timeout 30s;
    }
  }
}
`;
}
