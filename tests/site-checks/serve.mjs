// A tiny static file server on 127.0.0.1 for the link crawl: serves ROOT
// (argv[2]) on a free port, prints its URL on the first line of standard
// output, and runs until killed. Folders serve their index.html (`dir`
// redirects to `dir/`, as static hosts do); anything else is a 404.
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";

const root = normalize(process.argv[2]);
const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".csv": "text/csv",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

function stat(path) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

const server = createServer((request, response) => {
  const url = new URL(request.url, "http://127.0.0.1");
  let path;
  try {
    path = normalize(join(root, decodeURIComponent(url.pathname)));
  } catch {
    path = null;
  }
  if (!path || (path !== root && !path.startsWith(root + sep))) {
    response.writeHead(400).end();
    return;
  }
  let info = stat(path);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith("/")) {
      response.writeHead(301, { location: url.pathname + "/" + url.search }).end();
      return;
    }
    path = join(path, "index.html");
    info = stat(path);
  }
  if (!info?.isFile()) {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  response.writeHead(200, {
    "content-type": types[extname(path)] ?? "application/octet-stream",
    "content-length": info.size,
  });
  if (request.method === "HEAD") {
    response.end();
  } else {
    createReadStream(path).pipe(response);
  }
});

server.listen(0, "127.0.0.1", () => {
  console.log(`http://127.0.0.1:${server.address().port}/`);
});
