// The one place requests go out: the session cookie (same origin), JSON in and out, problem+json errors
// turned into ApiError. Headers every state-changing request must carry (a CSRF token, for instance)
// are added here, in stateHeaders(), and nowhere else.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

const SAFE = new Set(["GET", "HEAD"]);

/** Extra headers for POST/PUT/DELETE. */
function stateHeaders() {
  return {};
}

/**
 * Calls the API. `body` is sent as JSON unless `type` names another content type (text/csv, text/plain).
 * The answer is parsed JSON, or text when `as: "text"`, or null when there is no body.
 */
export async function api(path, { method = "GET", body, type, as } = {}) {
  const headers = { Accept: as === "text" ? "text/plain, text/csv, */*" : "application/json" };
  if (!SAFE.has(method)) Object.assign(headers, stateHeaders());
  const options = { method, credentials: "same-origin", headers };
  if (body !== undefined) {
    headers["Content-Type"] = type || "application/json";
    options.body = type ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch {
    throw new ApiError(0, null);
  }
  const contentType = response.headers.get("Content-Type") || "";
  if (!response.ok) {
    throw new ApiError(response.status, contentType.includes("json") ? await response.json().catch(() => null) : null);
  }
  if (as === "text") return response.text();
  return contentType.includes("json") ? response.json() : null;
}

/** Offers text as a file to save (an export, a receipt). */
export function download(name, text, type = "text/plain") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
