import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 774;
export const ids = [774];
export const modules = {

/***/ 34778:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var debug;

module.exports = function () {
  if (!debug) {
    try {
      /* eslint global-require: off */
      debug = __webpack_require__(2830)("follow-redirects");
    }
    catch (error) { /* */ }
    if (typeof debug !== "function") {
      debug = function () { /* */ };
    }
  }
  debug.apply(null, arguments);
};


/***/ }),

/***/ 1573:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var url = __webpack_require__(87016);
var URL = url.URL;
var http = __webpack_require__(58611);
var https = __webpack_require__(65692);
var Writable = (__webpack_require__(2203).Writable);
var assert = __webpack_require__(42613);
var debug = __webpack_require__(34778);

// Preventive platform detection
// istanbul ignore next
(function detectUnsupportedEnvironment() {
  var looksLikeNode = typeof process !== "undefined";
  var looksLikeBrowser = typeof window !== "undefined" && typeof document !== "undefined";
  var looksLikeV8 = isFunction(Error.captureStackTrace);
  if (!looksLikeNode && (looksLikeBrowser || !looksLikeV8)) {
    console.warn("The follow-redirects package should be excluded from browser builds.");
  }
}());

// Whether to use the native URL object or the legacy url module
var useNativeURL = false;
try {
  assert(new URL(""));
}
catch (error) {
  useNativeURL = error.code === "ERR_INVALID_URL";
}

// HTTP headers to drop across HTTP/HTTPS and domain boundaries
var sensitiveHeaders = [
  "Authorization",
  "Proxy-Authorization",
  "Cookie",
];

// URL fields to preserve in copy operations
var preservedUrlFields = [
  "auth",
  "host",
  "hostname",
  "href",
  "path",
  "pathname",
  "port",
  "protocol",
  "query",
  "search",
  "hash",
];

// Create handlers that pass events from native requests
var events = ["abort", "aborted", "connect", "error", "socket", "timeout"];
var eventHandlers = Object.create(null);
events.forEach(function (event) {
  eventHandlers[event] = function (arg1, arg2, arg3) {
    this._redirectable.emit(event, arg1, arg2, arg3);
  };
});

// Error types with codes
var InvalidUrlError = createErrorType(
  "ERR_INVALID_URL",
  "Invalid URL",
  TypeError
);
var RedirectionError = createErrorType(
  "ERR_FR_REDIRECTION_FAILURE",
  "Redirected request failed"
);
var TooManyRedirectsError = createErrorType(
  "ERR_FR_TOO_MANY_REDIRECTS",
  "Maximum number of redirects exceeded",
  RedirectionError
);
var MaxBodyLengthExceededError = createErrorType(
  "ERR_FR_MAX_BODY_LENGTH_EXCEEDED",
  "Request body larger than maxBodyLength limit"
);
var WriteAfterEndError = createErrorType(
  "ERR_STREAM_WRITE_AFTER_END",
  "write after end"
);

// istanbul ignore next
var destroy = Writable.prototype.destroy || noop;

// An HTTP(S) request that can be redirected
function RedirectableRequest(options, responseCallback) {
  // Initialize the request
  Writable.call(this);
  this._sanitizeOptions(options);
  this._options = options;
  this._ended = false;
  this._ending = false;
  this._redirectCount = 0;
  this._redirects = [];
  this._requestBodyLength = 0;
  this._requestBodyBuffers = [];

  // Attach a callback if passed
  if (responseCallback) {
    this.on("response", responseCallback);
  }

  // React to responses of native requests
  var self = this;
  this._onNativeResponse = function (response) {
    try {
      self._processResponse(response);
    }
    catch (cause) {
      self.emit("error", cause instanceof RedirectionError ?
        cause : new RedirectionError({ cause: cause }));
    }
  };

  // Create filter for sensitive HTTP headers
  this._headerFilter = new RegExp("^(?:" +
      sensitiveHeaders.concat(options.sensitiveHeaders).map(escapeRegex).join("|") +
    ")$", "i");

  // Perform the first request
  this._performRequest();
}
RedirectableRequest.prototype = Object.create(Writable.prototype);

RedirectableRequest.prototype.abort = function () {
  destroyRequest(this._currentRequest);
  this._currentRequest.abort();
  this.emit("abort");
};

RedirectableRequest.prototype.destroy = function (error) {
  destroyRequest(this._currentRequest, error);
  destroy.call(this, error);
  return this;
};

// Writes buffered data to the current native request
RedirectableRequest.prototype.write = function (data, encoding, callback) {
  // Writing is not allowed if end has been called
  if (this._ending) {
    throw new WriteAfterEndError();
  }

  // Validate input and shift parameters if necessary
  if (!isString(data) && !isBuffer(data)) {
    throw new TypeError("data should be a string, Buffer or Uint8Array");
  }
  if (isFunction(encoding)) {
    callback = encoding;
    encoding = null;
  }

  // Ignore empty buffers, since writing them doesn't invoke the callback
  // https://github.com/nodejs/node/issues/22066
  if (data.length === 0) {
    if (callback) {
      callback();
    }
    return;
  }
  // Only write when we don't exceed the maximum body length
  if (this._requestBodyLength + data.length <= this._options.maxBodyLength) {
    this._requestBodyLength += data.length;
    this._requestBodyBuffers.push({ data: data, encoding: encoding });
    this._currentRequest.write(data, encoding, callback);
  }
  // Error when we exceed the maximum body length
  else {
    this.emit("error", new MaxBodyLengthExceededError());
    this.abort();
  }
};

// Ends the current native request
RedirectableRequest.prototype.end = function (data, encoding, callback) {
  // Shift parameters if necessary
  if (isFunction(data)) {
    callback = data;
    data = encoding = null;
  }
  else if (isFunction(encoding)) {
    callback = encoding;
    encoding = null;
  }

  // Write data if needed and end
  if (!data) {
    this._ended = this._ending = true;
    this._currentRequest.end(null, null, callback);
  }
  else {
    var self = this;
    var currentRequest = this._currentRequest;
    this.write(data, encoding, function () {
      self._ended = true;
      currentRequest.end(null, null, callback);
    });
    this._ending = true;
  }
};

// Sets a header value on the current native request
RedirectableRequest.prototype.setHeader = function (name, value) {
  this._options.headers[name] = value;
  this._currentRequest.setHeader(name, value);
};

// Clears a header value on the current native request
RedirectableRequest.prototype.removeHeader = function (name) {
  delete this._options.headers[name];
  this._currentRequest.removeHeader(name);
};

// Global timeout for all underlying requests
RedirectableRequest.prototype.setTimeout = function (msecs, callback) {
  var self = this;

  // Destroys the socket on timeout
  function destroyOnTimeout(socket) {
    socket.setTimeout(msecs);
    socket.removeListener("timeout", socket.destroy);
    socket.addListener("timeout", socket.destroy);
  }

  // Sets up a timer to trigger a timeout event
  function startTimer(socket) {
    if (self._timeout) {
      clearTimeout(self._timeout);
    }
    self._timeout = setTimeout(function () {
      self.emit("timeout");
      clearTimer();
    }, msecs);
    destroyOnTimeout(socket);
  }

  // Stops a timeout from triggering
  function clearTimer() {
    // Clear the timeout
    if (self._timeout) {
      clearTimeout(self._timeout);
      self._timeout = null;
    }

    // Clean up all attached listeners
    self.removeListener("abort", clearTimer);
    self.removeListener("error", clearTimer);
    self.removeListener("response", clearTimer);
    self.removeListener("close", clearTimer);
    if (callback) {
      self.removeListener("timeout", callback);
    }
    if (!self.socket) {
      self._currentRequest.removeListener("socket", startTimer);
    }
  }

  // Attach callback if passed
  if (callback) {
    this.on("timeout", callback);
  }

  // Start the timer if or when the socket is opened
  if (this.socket) {
    startTimer(this.socket);
  }
  else {
    this._currentRequest.once("socket", startTimer);
  }

  // Clean up on events
  this.on("socket", destroyOnTimeout);
  this.on("abort", clearTimer);
  this.on("error", clearTimer);
  this.on("response", clearTimer);
  this.on("close", clearTimer);

  return this;
};

// Proxy all other public ClientRequest methods
[
  "flushHeaders", "getHeader",
  "setNoDelay", "setSocketKeepAlive",
].forEach(function (method) {
  RedirectableRequest.prototype[method] = function (a, b) {
    return this._currentRequest[method](a, b);
  };
});

// Proxy all public ClientRequest properties
["aborted", "connection", "socket"].forEach(function (property) {
  Object.defineProperty(RedirectableRequest.prototype, property, {
    get: function () { return this._currentRequest[property]; },
  });
});

RedirectableRequest.prototype._sanitizeOptions = function (options) {
  // Ensure headers are always present
  if (!options.headers) {
    options.headers = {};
  }
  // Convert [header1, value1, header2, value2, …] to object
  else if (Array.isArray(options.headers)) {
    var headerList = options.headers;
    options.headers = {};
    for (var i = 0; i < headerList.length; i += 2) {
      options.headers[headerList[i]] = headerList[i + 1];
    }
  }
  // Ensure sensitive headers are always present
  if (!Array.isArray(options.sensitiveHeaders)) {
    options.sensitiveHeaders = [];
  }

  // Since http.request treats host as an alias of hostname,
  // but the url module interprets host as hostname plus port,
  // eliminate the host property to avoid confusion.
  if (options.host) {
    // Use hostname if set, because it has precedence
    if (!options.hostname) {
      options.hostname = options.host;
    }
    delete options.host;
  }

  // Complete the URL object when necessary
  if (!options.pathname && options.path) {
    var searchPos = options.path.indexOf("?");
    if (searchPos < 0) {
      options.pathname = options.path;
    }
    else {
      options.pathname = options.path.substring(0, searchPos);
      options.search = options.path.substring(searchPos);
    }
  }
};


// Executes the next native request (initial or redirect)
RedirectableRequest.prototype._performRequest = function () {
  // Load the native protocol
  var protocol = this._options.protocol;
  var nativeProtocol = this._options.nativeProtocols[protocol];
  if (!nativeProtocol) {
    throw new TypeError("Unsupported protocol " + protocol);
  }

  // If specified, use the agent corresponding to the protocol
  // (HTTP and HTTPS use different types of agents)
  if (this._options.agents) {
    var scheme = protocol.slice(0, -1);
    this._options.agent = this._options.agents[scheme];
  }

  // Create the native request and set up its event handlers
  var request = this._currentRequest =
        nativeProtocol.request(this._options, this._onNativeResponse);
  request._redirectable = this;
  for (var event of events) {
    request.on(event, eventHandlers[event]);
  }

  // RFC7230§5.3.1: When making a request directly to an origin server, […]
  // a client MUST send only the absolute path […] as the request-target.
  this._currentUrl = /^\//.test(this._options.path) ?
    url.format(this._options) :
    // When making a request to a proxy, […]
    // a client MUST send the target URI in absolute-form […].
    this._options.path;

  // End a redirected request
  // (The first request must be ended explicitly with RedirectableRequest#end)
  if (this._isRedirect) {
    // Write the request entity and end
    var i = 0;
    var self = this;
    var buffers = this._requestBodyBuffers;
    (function writeNext(error) {
      // Only write if this request has not been redirected yet
      // istanbul ignore else
      if (request === self._currentRequest) {
        // Report any write errors
        // istanbul ignore if
        if (error) {
          self.emit("error", error);
        }
        // Write the next buffer if there are still left
        else if (i < buffers.length) {
          var buffer = buffers[i++];
          // istanbul ignore else
          if (!request.finished) {
            request.write(buffer.data, buffer.encoding, writeNext);
          }
        }
        // End the request if `end` has been called on us
        else if (self._ended) {
          request.end();
        }
      }
    }());
  }
};

// Processes a response from the current native request
RedirectableRequest.prototype._processResponse = function (response) {
  // Store the redirected response
  var statusCode = response.statusCode;
  if (this._options.trackRedirects) {
    this._redirects.push({
      url: this._currentUrl,
      headers: response.headers,
      statusCode: statusCode,
    });
  }

  // RFC7231§6.4: The 3xx (Redirection) class of status code indicates
  // that further action needs to be taken by the user agent in order to
  // fulfill the request. If a Location header field is provided,
  // the user agent MAY automatically redirect its request to the URI
  // referenced by the Location field value,
  // even if the specific status code is not understood.

  // If the response is not a redirect; return it as-is
  var location = response.headers.location;
  if (!location || this._options.followRedirects === false ||
      statusCode < 300 || statusCode >= 400) {
    response.responseUrl = this._currentUrl;
    response.redirects = this._redirects;
    this.emit("response", response);

    // Clean up
    this._requestBodyBuffers = [];
    return;
  }

  // The response is a redirect, so abort the current request
  destroyRequest(this._currentRequest);
  // Discard the remainder of the response to avoid waiting for data
  response.destroy();

  // RFC7231§6.4: A client SHOULD detect and intervene
  // in cyclical redirections (i.e., "infinite" redirection loops).
  if (++this._redirectCount > this._options.maxRedirects) {
    throw new TooManyRedirectsError();
  }

  // Store the request headers if applicable
  var requestHeaders;
  var beforeRedirect = this._options.beforeRedirect;
  if (beforeRedirect) {
    requestHeaders = Object.assign({
      // The Host header was set by nativeProtocol.request
      Host: response.req.getHeader("host"),
    }, this._options.headers);
  }

  // RFC7231§6.4: Automatic redirection needs to done with
  // care for methods not known to be safe, […]
  // RFC7231§6.4.2–3: For historical reasons, a user agent MAY change
  // the request method from POST to GET for the subsequent request.
  var method = this._options.method;
  if ((statusCode === 301 || statusCode === 302) && this._options.method === "POST" ||
      // RFC7231§6.4.4: The 303 (See Other) status code indicates that
      // the server is redirecting the user agent to a different resource […]
      // A user agent can perform a retrieval request targeting that URI
      // (a GET or HEAD request if using HTTP) […]
      (statusCode === 303) && !/^(?:GET|HEAD)$/.test(this._options.method)) {
    this._options.method = "GET";
    // Drop a possible entity and headers related to it
    this._requestBodyBuffers = [];
    removeMatchingHeaders(/^content-/i, this._options.headers);
  }

  // Drop the Host header, as the redirect might lead to a different host
  var currentHostHeader = removeMatchingHeaders(/^host$/i, this._options.headers);

  // If the redirect is relative, carry over the host of the last request
  var currentUrlParts = parseUrl(this._currentUrl);
  var currentHost = currentHostHeader || currentUrlParts.host;
  var currentUrl = /^\w+:/.test(location) ? this._currentUrl :
    url.format(Object.assign(currentUrlParts, { host: currentHost }));

  // Create the redirected request
  var redirectUrl = resolveUrl(location, currentUrl);
  debug("redirecting to", redirectUrl.href);
  this._isRedirect = true;
  spreadUrlObject(redirectUrl, this._options);

  // Drop confidential headers when redirecting to a less secure protocol
  // or to a different domain that is not a superdomain
  if (redirectUrl.protocol !== currentUrlParts.protocol &&
     redirectUrl.protocol !== "https:" ||
     redirectUrl.host !== currentHost &&
     !isSubdomain(redirectUrl.host, currentHost)) {
    removeMatchingHeaders(this._headerFilter, this._options.headers);
  }

  // Evaluate the beforeRedirect callback
  if (isFunction(beforeRedirect)) {
    var responseDetails = {
      headers: response.headers,
      statusCode: statusCode,
    };
    var requestDetails = {
      url: currentUrl,
      method: method,
      headers: requestHeaders,
    };
    beforeRedirect(this._options, responseDetails, requestDetails);
    this._sanitizeOptions(this._options);
  }

  // Perform the redirected request
  this._performRequest();
};

// Wraps the key/value object of protocols with redirect functionality
function wrap(protocols) {
  // Default settings
  var exports = {
    maxRedirects: 21,
    maxBodyLength: 10 * 1024 * 1024,
  };

  // Wrap each protocol
  var nativeProtocols = {};
  Object.keys(protocols).forEach(function (scheme) {
    var protocol = scheme + ":";
    var nativeProtocol = nativeProtocols[protocol] = protocols[scheme];
    var wrappedProtocol = exports[scheme] = Object.create(nativeProtocol);

    // Executes a request, following redirects
    function request(input, options, callback) {
      // Parse parameters, ensuring that input is an object
      if (isURL(input)) {
        input = spreadUrlObject(input);
      }
      else if (isString(input)) {
        input = spreadUrlObject(parseUrl(input));
      }
      else {
        callback = options;
        options = validateUrl(input);
        input = { protocol: protocol };
      }
      if (isFunction(options)) {
        callback = options;
        options = null;
      }

      // Set defaults
      options = Object.assign({
        maxRedirects: exports.maxRedirects,
        maxBodyLength: exports.maxBodyLength,
      }, input, options);
      options.nativeProtocols = nativeProtocols;
      if (!isString(options.host) && !isString(options.hostname)) {
        options.hostname = "::1";
      }

      assert.equal(options.protocol, protocol, "protocol mismatch");
      debug("options", options);
      return new RedirectableRequest(options, callback);
    }

    // Executes a GET request, following redirects
    function get(input, options, callback) {
      var wrappedRequest = wrappedProtocol.request(input, options, callback);
      wrappedRequest.end();
      return wrappedRequest;
    }

    // Expose the properties on the wrapped protocol
    Object.defineProperties(wrappedProtocol, {
      request: { value: request, configurable: true, enumerable: true, writable: true },
      get: { value: get, configurable: true, enumerable: true, writable: true },
    });
  });
  return exports;
}

function noop() { /* empty */ }

function parseUrl(input) {
  var parsed;
  // istanbul ignore else
  if (useNativeURL) {
    parsed = new URL(input);
  }
  else {
    // Ensure the URL is valid and absolute
    parsed = validateUrl(url.parse(input));
    if (!isString(parsed.protocol)) {
      throw new InvalidUrlError({ input });
    }
  }
  return parsed;
}

function resolveUrl(relative, base) {
  // istanbul ignore next
  return useNativeURL ? new URL(relative, base) : parseUrl(url.resolve(base, relative));
}

function validateUrl(input) {
  if (/^\[/.test(input.hostname) && !/^\[[:0-9a-f]+\]$/i.test(input.hostname)) {
    throw new InvalidUrlError({ input: input.href || input });
  }
  if (/^\[/.test(input.host) && !/^\[[:0-9a-f]+\](:\d+)?$/i.test(input.host)) {
    throw new InvalidUrlError({ input: input.href || input });
  }
  return input;
}

function spreadUrlObject(urlObject, target) {
  var spread = target || {};
  for (var key of preservedUrlFields) {
    spread[key] = urlObject[key];
  }

  // Fix IPv6 hostname
  if (spread.hostname.startsWith("[")) {
    spread.hostname = spread.hostname.slice(1, -1);
  }
  // Ensure port is a number
  if (spread.port !== "") {
    spread.port = Number(spread.port);
  }
  // Concatenate path
  spread.path = spread.search ? spread.pathname + spread.search : spread.pathname;

  return spread;
}

function removeMatchingHeaders(regex, headers) {
  var lastValue;
  for (var header in headers) {
    if (regex.test(header)) {
      lastValue = headers[header];
      delete headers[header];
    }
  }
  return (lastValue === null || typeof lastValue === "undefined") ?
    undefined : String(lastValue).trim();
}

function createErrorType(code, message, baseClass) {
  // Create constructor
  function CustomError(properties) {
    // istanbul ignore else
    if (isFunction(Error.captureStackTrace)) {
      Error.captureStackTrace(this, this.constructor);
    }
    Object.assign(this, properties || {});
    this.code = code;
    this.message = this.cause ? message + ": " + this.cause.message : message;
  }

  // Attach constructor and set default properties
  CustomError.prototype = new (baseClass || Error)();
  Object.defineProperties(CustomError.prototype, {
    constructor: {
      value: CustomError,
      enumerable: false,
    },
    name: {
      value: "Error [" + code + "]",
      enumerable: false,
    },
  });
  return CustomError;
}

function destroyRequest(request, error) {
  for (var event of events) {
    request.removeListener(event, eventHandlers[event]);
  }
  request.on("error", noop);
  request.destroy(error);
}

function isSubdomain(subdomain, domain) {
  assert(isString(subdomain) && isString(domain));
  var dot = subdomain.length - domain.length - 1;
  return dot > 0 && subdomain[dot] === "." && subdomain.endsWith(domain);
}

function isString(value) {
  return typeof value === "string" || value instanceof String;
}

function isFunction(value) {
  return typeof value === "function";
}

function isBuffer(value) {
  return typeof value === "object" && ("length" in value);
}

function isURL(value) {
  return URL && value instanceof URL;
}

function escapeRegex(regex) {
  // As per https://tc39.es/proposal-regexp-modifiers/#prod-SyntaxCharacter
  return regex.replace(/[\^$\\.*+?()[\]{}|]/g, "\\$&");
}

// Exports
module.exports = wrap({ http: http, https: https });
module.exports.wrap = wrap;


/***/ }),

/***/ 44505:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isSSL = void 0;
exports.setupOutgoing = setupOutgoing;
exports.setupSocket = setupSocket;
exports.getPort = getPort;
exports.hasEncryptedConnection = hasEncryptedConnection;
exports.urlJoin = urlJoin;
exports.rewriteCookieProperty = rewriteCookieProperty;
exports.toURL = toURL;
const node_tls_1 = __webpack_require__(41692);
const upgradeHeader = /(^|,)\s*upgrade\s*($|,)/i;
// Simple Regex for testing if protocol is https
exports.isSSL = /^https|wss/;
// If we allow this header and a user sends it with a request,
// then serving this request goes into a weird broken state, which
// wastes resources.  This could be a DOS security vulnerability.
// We strip this header if it appears in any request, and then things
// work fine.
// See https://github.com/http-party/node-http-proxy/issues/1647
const HEADER_BLACKLIST = "trailer";
const HTTP2_HEADER_BLACKLIST = [
    ":method",
    ":path",
    ":scheme",
    ":authority",
    "connection",
    "keep-alive",
];
// setupOutgoing -- Copies the right headers from `options` and `req` to
// `outgoing` which is then used to fire the proxied request by calling
// http.request or https.request with outgoing as input.
// Returns Object with all required properties outgoing options.
function setupOutgoing(
// Base object to be filled with required properties
outgoing, 
// Config object passed to the proxy
options, 
// Request Object
req, 
// String to select forward or target
forward) {
    // the final path is target path + relative path requested by user:
    const target = options[forward || "target"];
    outgoing.port = +(target.port ??
        (target.protocol !== undefined && exports.isSSL.test(target.protocol) ? 443 : 80));
    for (const e of [
        "host",
        "hostname",
        "socketPath",
        "pfx",
        "key",
        "passphrase",
        "cert",
        "ca",
        "ciphers",
        "secureProtocol",
    ]) {
        // @ts-expect-error -- this mapping is valid
        outgoing[e] = target[e];
    }
    // Fix for IPv6: the WHATWG URL spec serialises IPv6 hostnames with square
    // brackets (e.g. new URL("http://[::1]/").hostname === "[::1]"), but
    // Node.js dns.lookup / getaddrinfo require a bare address without brackets.
    // Passing the bracketed form causes an ENOTFOUND error even for valid
    // addresses.  outgoing.host is already in the correct "[addr]:port" format
    // for HTTP Host headers and is left unchanged.
    if (outgoing.hostname?.startsWith("[") && outgoing.hostname.endsWith("]")) {
        outgoing.hostname = outgoing.hostname.slice(1, -1);
    }
    outgoing.method = options.method || req.method;
    outgoing.headers = { ...req.headers };
    if (req.headers?.[":authority"]) {
        outgoing.headers.host = req.headers[":authority"];
    }
    if (options.headers) {
        outgoing.headers = { ...outgoing.headers, ...options.headers };
    }
    // note -- we do the scan in this order since
    // the header could be any case, i.e., doing
    // outgoing.headers['Trailer'] won't work, because
    // it might be {'TrAiLeR':...}
    for (const header in outgoing.headers) {
        if (HEADER_BLACKLIST == header.toLowerCase()) {
            delete outgoing.headers[header];
            break;
        }
    }
    if (req.httpVersionMajor > 1) {
        for (const header of HTTP2_HEADER_BLACKLIST) {
            delete outgoing.headers[header];
        }
    }
    if (options.auth) {
        delete outgoing.headers.authorization;
        outgoing.auth = options.auth;
    }
    if (options.ca) {
        outgoing.ca = options.ca;
    }
    if (target.protocol !== undefined && exports.isSSL.test(target.protocol)) {
        outgoing.rejectUnauthorized =
            typeof options.secure === "undefined" ? true : options.secure;
    }
    outgoing.agent = options.agent || false;
    outgoing.localAddress = options.localAddress;
    // Remark: If we are false and not upgrading, set the connection: close. This is the right thing to do
    // as node core doesn't handle this COMPLETELY properly yet.
    if (!outgoing.agent) {
        outgoing.headers = outgoing.headers || {};
        if (typeof outgoing.headers.connection !== "string" ||
            !upgradeHeader.test(outgoing.headers.connection)) {
            outgoing.headers.connection = "close";
        }
    }
    // target if defined is a URL object so has attribute "pathname", not "path".
    const targetPath = target && options.prependPath !== false && "pathname" in target
        ? getPath(`${target.pathname}${target.search ?? ""}`)
        : "/";
    let outgoingPath = options.toProxy ? req.url : getPath(req.url);
    // Remark: ignorePath will just straight up ignore whatever the request's
    // path is. This can be labeled as FOOT-GUN material if you do not know what
    // you are doing and are using conflicting options.
    outgoingPath = !options.ignorePath ? outgoingPath : "";
    outgoing.path = urlJoin(targetPath, outgoingPath ?? "");
    if (options.changeOrigin) {
        outgoing.headers.host =
            target.protocol !== undefined &&
                required(outgoing.port, target.protocol) &&
                !hasPort(outgoing.host)
                ? outgoing.host + ":" + outgoing.port
                : outgoing.host;
    }
    outgoing.url = ("href" in target &&
        target.href) ||
        (target.protocol === "https" ? "https" : "http") +
            "://" +
            outgoing.host +
            (outgoing.port ? ":" + outgoing.port : "");
    if (req.httpVersionMajor > 1) {
        for (const header of HTTP2_HEADER_BLACKLIST) {
            delete outgoing.headers[header];
        }
    }
    return outgoing;
}
// Set the proper configuration for sockets,
// set no delay and set keep alive, also set
// the timeout to 0.
// Return the configured socket.
function setupSocket(socket) {
    socket.setTimeout(0);
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 0);
    return socket;
}
// Get the port number from the host. Or guess it based on the connection type.
function getPort(
// Incoming HTTP request.
req) {
    const hostHeader = req.headers[":authority"] || req.headers.host;
    const res = hostHeader ? hostHeader.match(/:(\d+)/) : "";
    return res ? res[1] : hasEncryptedConnection(req) ? "443" : "80";
}
// Check if the request has an encrypted connection.
function hasEncryptedConnection(
// Incoming HTTP request.
req) {
    const conn = req.connection;
    return ((conn instanceof node_tls_1.TLSSocket && conn.encrypted) || Boolean(conn.pair));
}
// OS-agnostic join (doesn't break on URLs like path.join does on Windows)>
function urlJoin(...args) {
    // join url and merge all query string.
    const queryParams = [];
    let queryParamRaw = "";
    args.forEach((url, index) => {
        const qpStart = url.indexOf("?");
        if (qpStart !== -1) {
            queryParams.push(url.substring(qpStart + 1));
            args[index] = url.substring(0, qpStart);
        }
    });
    queryParamRaw = queryParams.filter(Boolean).join("&");
    // Join all strings, but remove empty strings so we don't get extra slashes from
    // joining e.g. ['', 'am'].
    // Also we respect strings that start and end in multiple slashes, e.g., so
    //  ['/', '//test', '///foo'] --> '//test'
    // since e.g., http://localhost//test///foo is a valid URL. See
    // lib/test/http/double-slashes.test.ts
    // The algorithm for joining is just straightforward and simple, instead
    // of the complicated "too clever" code from http-proxy. This just concats
    // the strings together, not adding any slashes, and also combining adjacent
    // slashes in two segments, e.g., ['/foo/','/bar'] --> '/foo/bar'
    let retSegs = "";
    for (const seg of args) {
        if (!seg) {
            continue;
        }
        if (retSegs.endsWith("/")) {
            if (seg.startsWith("/")) {
                retSegs += seg.slice(1);
            }
            else {
                retSegs += seg;
            }
        }
        else {
            if (seg.startsWith("/")) {
                retSegs += seg;
            }
            else {
                retSegs += "/" + seg;
            }
        }
    }
    // Only join the query string if it exists so we don't have trailing a '?'
    // on every request
    return queryParamRaw ? retSegs + "?" + queryParamRaw : retSegs;
}
function rewriteCookieProperty(header, 
// config = mapping of domain to rewritten domain.
//         '*' key to match any domain, null value to remove the domain.
config, property) {
    if (Array.isArray(header)) {
        return header.map((headerElement) => {
            return rewriteCookieProperty(headerElement, config, property);
        });
    }
    return header.replace(new RegExp("(;\\s*" + property + "=)([^;]+)", "i"), (match, prefix, previousValue) => {
        let newValue;
        if (previousValue in config) {
            newValue = config[previousValue];
        }
        else if ("*" in config) {
            newValue = config["*"];
        }
        else {
            //no match, return previous value
            return match;
        }
        if (newValue) {
            //replace value
            return prefix + newValue;
        }
        else {
            //remove value
            return "";
        }
    });
}
// Check the host and see if it potentially has a port in it (keep it simple)
function hasPort(host) {
    // IPv6 addresses in bracket notation: a port is present only after ']',
    // e.g. "[::1]:8080" has a port but "[::1]" does not.
    // A plain indexOf(":") would incorrectly match colons inside the IPv6 address.
    if (host.startsWith("[")) {
        const closingBracket = host.indexOf("]");
        return closingBracket !== -1 && host.length > closingBracket + 1;
    }
    return host.includes(":");
}
function getPath(url) {
    if (url === "" || url?.startsWith("?")) {
        return url;
    }
    const u = toURL(url);
    return `${u.pathname ?? ""}${u.search ?? ""}`;
}
function toURL(url) {
    if (url instanceof URL) {
        return url;
    }
    else if (typeof url === "object" &&
        "href" in url &&
        typeof url.href === "string") {
        url = url.href;
    }
    if (!url) {
        url = "";
    }
    if (typeof url != "string") {
        // it has to be a string at this point, but to keep typescript happy:
        url = `${url}`;
    }
    if (url.startsWith("//")) {
        // special case -- this would be viewed as a this is a "network-path reference",
        // so we explicitly prefix with our http schema.  See
        url = `http://base.invalid${url}`;
    }
    // urllib.Url is deprecated but we support it by converting to URL
    return new URL(url, "http://base.invalid");
}
// vendor simplified version of https://www.npmjs.com/package/requires-port to
// reduce dep and add typescript.
function required(port, protocol) {
    protocol = protocol.split(":")[0];
    port = +port;
    if (!port)
        return false;
    switch (protocol) {
        case "http":
        case "ws":
            return port !== 80;
        case "https":
        case "wss":
            return port !== 443;
    }
    return port !== 0;
}


/***/ }),

/***/ 86358:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ProxyServer = void 0;
const http = __importStar(__webpack_require__(37067));
const http2 = __importStar(__webpack_require__(32467));
const web_incoming_1 = __webpack_require__(37713);
const ws_incoming_1 = __webpack_require__(67036);
const node_events_1 = __webpack_require__(78474);
const debug_1 = __importDefault(__webpack_require__(2830));
const common_1 = __webpack_require__(44505);
const log = (0, debug_1.default)("http-proxy-3");
class ProxyServer extends node_events_1.EventEmitter {
    /**
     * Creates the proxy server with specified options.
     * @param options - Config object passed to the proxy
     */
    constructor(options = {}) {
        super();
        // createRightProxy - Returns a function that when called creates the loader for
        // either `ws` or `web`'s passes.
        this.createRightProxy = (type) => {
            log("createRightProxy", { type });
            return (options) => {
                return (...args /* req, res, [head], [opts] */) => {
                    const req = args[0];
                    log("proxy: ", { type, path: req.url });
                    const res = args[1];
                    const passes = type === "ws" ? this.wsPasses : this.webPasses;
                    if (type == "ws") {
                        // socket -- proxy websocket errors to our error handler;
                        // see https://github.com/sagemathinc/http-proxy-3/issues/5
                        // NOTE: as mentioned below, res is the socket in this case.
                        // One of the passes does add an error handler, but there's no
                        // guarantee we even get to that pass before something bad happens,
                        // and there's no way for a user of http-proxy-3 to get ahold
                        // of this res object and attach their own error handler until
                        // after the passes. So we better attach one ASAP right here:
                        res.on("error", (err) => {
                            this.emit("error", err, req, res);
                        });
                    }
                    let counter = args.length - 1;
                    let head;
                    let cb;
                    // optional args parse begin
                    if (typeof args[counter] === "function") {
                        cb = args[counter];
                        counter--;
                    }
                    let requestOptions;
                    if (!(args[counter] instanceof Buffer) && args[counter] !== res) {
                        // Copy global options, and overwrite with request options
                        requestOptions = { ...options, ...args[counter] };
                        counter--;
                    }
                    else {
                        requestOptions = { ...options };
                    }
                    if (args[counter] instanceof Buffer) {
                        head = args[counter];
                    }
                    for (const e of ["target", "forward"]) {
                        if (typeof requestOptions[e] === "string") {
                            requestOptions[e] = (0, common_1.toURL)(requestOptions[e]);
                        }
                    }
                    if (!requestOptions.target && !requestOptions.forward) {
                        this.emit("error", new Error("Must set target or forward"), req, res);
                        return;
                    }
                    for (const pass of passes) {
                        /**
                         * Call of passes functions
                         *     pass(req, res, options, head)
                         *
                         * In WebSockets case, the `res` variable
                         * refer to the connection socket
                         *    pass(req, socket, options, head)
                         */
                        if (pass(req, res, requestOptions, head, this, cb)) {
                            // passes can return a truthy value to halt the loop
                            break;
                        }
                    }
                };
            };
        };
        this.onError = (err) => {
            // Force people to handle their own errors
            if (this.listeners("error").length === 1) {
                throw err;
            }
        };
        /**
         * A function that wraps the object in a webserver, for your convenience
         * @param port - Port to listen on
         * @param hostname - The hostname to listen on
         */
        this.listen = (port, hostname) => {
            log("listen", { port, hostname });
            const requestListener = (req, res) => {
                this.web(req, res);
            };
            this._server = this.options.ssl
                ? http2.createSecureServer({ ...this.options.ssl, allowHTTP1: true }, requestListener)
                : http.createServer(requestListener);
            if (this.options.ws) {
                this._server.on("upgrade", (req, socket, head) => {
                    this.ws(req, socket, head);
                });
            }
            this._server.listen(port, hostname);
            return this;
        };
        // if the proxy started its own http server, this is the address of that server.
        this.address = () => {
            return this._server?.address();
        };
        /**
         * A function that closes the inner webserver and stops listening on given port
         */
        this.close = (cb) => {
            if (this._server == null) {
                cb?.();
                return;
            }
            // Wrap cb anb nullify server after all open connections are closed.
            this._server.close((err) => {
                this._server = null;
                cb?.(err);
            });
        };
        this.before = (type, passName, cb) => {
            if (type !== "ws" && type !== "web") {
                throw new Error("type must be `web` or `ws`");
            }
            const passes = (type === "ws" ? this.wsPasses : this.webPasses);
            let i = false;
            passes.forEach((v, idx) => {
                if (v.name === passName) {
                    i = idx;
                }
            });
            if (i === false) {
                throw new Error("No such pass");
            }
            passes.splice(i, 0, cb);
        };
        this.after = (type, passName, cb) => {
            if (type !== "ws" && type !== "web") {
                throw new Error("type must be `web` or `ws`");
            }
            const passes = (type === "ws" ? this.wsPasses : this.webPasses);
            let i = false;
            passes.forEach((v, idx) => {
                if (v.name === passName) {
                    i = idx;
                }
            });
            if (i === false) {
                throw new Error("No such pass");
            }
            passes.splice(i++, 0, cb);
        };
        log("creating a ProxyServer", options);
        options.prependPath = options.prependPath !== false;
        this.options = options;
        this.web = this.createRightProxy("web")(options);
        this.ws = this.createRightProxy("ws")(options);
        this.webPasses = Object.values(web_incoming_1.WEB_PASSES);
        this.wsPasses = Object.values(ws_incoming_1.WS_PASSES);
        this.on("error", this.onError);
    }
    /**
     * Creates the proxy server with specified options.
     * @param options Config object passed to the proxy
     * @returns Proxy object with handlers for `ws` and `web` requests
     */
    static createProxyServer(options) {
        return new ProxyServer(options);
    }
    /**
     * Creates the proxy server with specified options.
     * @param options Config object passed to the proxy
     * @returns Proxy object with handlers for `ws` and `web` requests
     */
    static createServer(options) {
        return new ProxyServer(options);
    }
    /**
     * Creates the proxy server with specified options.
     * @param options Config object passed to the proxy
     * @returns Proxy object with handlers for `ws` and `web` requests
     */
    static createProxy(options) {
        return new ProxyServer(options);
    }
}
exports.ProxyServer = ProxyServer;


/***/ }),

/***/ 37713:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


/*
A `pass` is just a function that is executed on `req, res, options`
so that you can easily add new checks while still keeping the base
flexible.

The names of passes are exported as WEB_PASSES from this module.

*/
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.WEB_PASSES = void 0;
exports.deleteLength = deleteLength;
exports.timeout = timeout;
exports.XHeaders = XHeaders;
exports.stream = stream;
const http = __importStar(__webpack_require__(37067));
const https = __importStar(__webpack_require__(44708));
const followRedirects = __importStar(__webpack_require__(1573));
const common = __importStar(__webpack_require__(44505));
const web_outgoing_1 = __webpack_require__(8559);
const node_stream_1 = __webpack_require__(57075);
const web_o = Object.values(web_outgoing_1.OUTGOING_PASSES);
const nativeAgents = { http, https };
//  Sets `content-length` to '0' if request is of DELETE type.
function deleteLength(req) {
    if ((req.method === "DELETE" || req.method === "OPTIONS") && !req.headers["content-length"]) {
        req.headers["content-length"] = "0";
        delete req.headers["transfer-encoding"];
    }
}
// Sets timeout in request socket if it was specified in options.
function timeout(req, _res, options) {
    if (options.timeout) {
        req.socket.setTimeout(options.timeout);
    }
}
// Sets `x-forwarded-*` headers if specified in config.
function XHeaders(req, _res, options) {
    if (!options.xfwd) {
        return;
    }
    const encrypted = common.hasEncryptedConnection(req);
    const values = {
        for: req.connection.remoteAddress || req.socket.remoteAddress,
        port: common.getPort(req),
        proto: encrypted ? "https" : "http",
    };
    for (const header of ["for", "port", "proto"]) {
        req.headers["x-forwarded-" + header] =
            (req.headers["x-forwarded-" + header] || "") + (req.headers["x-forwarded-" + header] ? "," : "") + values[header];
    }
    req.headers["x-forwarded-host"] = req.headers["x-forwarded-host"] || req.headers[":authority"] || req.headers["host"] || "";
}
// Does the actual proxying. If `forward` is enabled fires up
// a ForwardStream (there is NO RESPONSE), same happens for ProxyStream. The request
// just dies otherwise.
function stream(req, res, options, _, server, cb) {
    // And we begin!
    server.emit("start", req, res, options.target || options.forward);
    if (options.fetch || options.fetchOptions || process.env.FORCE_FETCH_PATH === "true") {
        return stream2(req, res, options, _, server, cb);
    }
    const agents = options.followRedirects ? followRedirects : nativeAgents;
    const http = agents.http;
    const https = agents.https;
    if (options.forward) {
        // forward enabled, so just pipe the request
        const proto = options.forward.protocol === "https:" ? https : http;
        const outgoingOptions = common.setupOutgoing(options.ssl || {}, options, req, "forward");
        const forwardReq = proto.request(outgoingOptions);
        // error handler (e.g. ECONNRESET, ECONNREFUSED)
        // Handle errors on incoming request as well as it makes sense to
        const forwardError = createErrorHandler(forwardReq, options.forward);
        req.on("error", forwardError);
        forwardReq.on("error", forwardError);
        (options.buffer || req).pipe(forwardReq);
        if (!options.target) {
            // no target, so we do not send anything back to the client.
            // If target is set, we do a separate proxy below, which might be to a
            // completely different server.
            return res.end();
        }
    }
    // Request initalization
    const proto = options.target.protocol === "https:" ? https : http;
    const outgoingOptions = common.setupOutgoing(options.ssl || {}, options, req);
    const proxyReq = proto.request(outgoingOptions);
    // Enable developers to modify the proxyReq before headers are sent
    proxyReq.on("socket", (socket) => {
        if (server && !proxyReq.getHeader("expect")) {
            server.emit("proxyReq", proxyReq, req, res, options, socket);
        }
    });
    // allow outgoing socket to timeout so that we could
    // show an error page at the initial request
    if (options.proxyTimeout) {
        proxyReq.setTimeout(options.proxyTimeout, () => {
            proxyReq.destroy();
        });
    }
    // Ensure we abort proxy if request is aborted
    res.on("close", () => {
        const aborted = !res.writableFinished;
        if (aborted) {
            proxyReq.destroy();
        }
    });
    // handle errors in proxy and incoming request, just like for forward proxy
    const proxyError = createErrorHandler(proxyReq, options.target);
    req.on("error", proxyError);
    proxyReq.on("error", proxyError);
    function createErrorHandler(proxyReq, url) {
        return (err) => {
            if (req.socket.destroyed && err.code === "ECONNRESET") {
                server.emit("econnreset", err, req, res, url);
                proxyReq.destroy();
                return;
            }
            if (cb) {
                cb(err, req, res, url);
            }
            else {
                server.emit("error", err, req, res, url);
            }
        };
    }
    (options.buffer || req).pipe(proxyReq);
    proxyReq.on("response", (proxyRes) => {
        server?.emit("proxyRes", proxyRes, req, res);
        if (!res.headersSent && !options.selfHandleResponse) {
            for (const pass of web_o) {
                // note: none of these return anything
                pass(req, res, proxyRes, options);
            }
        }
        if (!res.finished) {
            // Allow us to listen for when the proxy has completed
            proxyRes.on("end", () => {
                server?.emit("end", req, res, proxyRes);
            });
            // We pipe to the response unless its expected to be handled by the user
            if (!options.selfHandleResponse) {
                proxyRes.pipe(res);
            }
        }
        else {
            server?.emit("end", req, res, proxyRes);
        }
    });
}
async function stream2(req, res, options, _, server, cb) {
    // Helper function to handle errors consistently throughout the fetch path
    const handleError = (err, target) => {
        const e = err;
        // Copy code from cause if available and missing on err
        if (e.code === undefined && e.cause?.code) {
            e.code = e.cause.code;
        }
        if (cb) {
            cb(err, req, res, target);
        }
        else {
            server.emit("error", err, req, res, target);
        }
    };
    req.on("error", (err) => {
        if (req.socket.destroyed && err.code === "ECONNRESET") {
            const target = options.target || options.forward;
            if (target) {
                server.emit("econnreset", err, req, res, target);
            }
            return;
        }
        handleError(err);
    });
    const customFetch = options.fetch || fetch;
    const fetchOptions = options.fetchOptions ?? {};
    const prepareRequest = (outgoing) => {
        const requestOptions = {
            method: outgoing.method,
            ...fetchOptions.requestOptions,
        };
        const headers = new Headers(fetchOptions.requestOptions?.headers);
        if (!fetchOptions.requestOptions?.headers && outgoing.headers) {
            for (const [key, value] of Object.entries(outgoing.headers)) {
                if (typeof key === "string") {
                    if (Array.isArray(value)) {
                        for (const v of value) {
                            headers.append(key, v);
                        }
                    }
                    else if (value != null) {
                        headers.append(key, value);
                    }
                }
            }
        }
        if (options.auth) {
            headers.set("authorization", `Basic ${Buffer.from(options.auth).toString("base64")}`);
        }
        if (options.proxyTimeout) {
            requestOptions.signal = AbortSignal.timeout(options.proxyTimeout);
        }
        requestOptions.headers = headers;
        if (options.buffer) {
            requestOptions.body = options.buffer;
        }
        else if (req.method !== "GET" && req.method !== "HEAD") {
            requestOptions.body = req;
            requestOptions.duplex = "half";
        }
        return requestOptions;
    };
    if (options.forward) {
        const outgoingOptions = common.setupOutgoing(options.ssl || {}, options, req, "forward");
        const requestOptions = prepareRequest(outgoingOptions);
        let targetUrl = new URL(outgoingOptions.url).origin + outgoingOptions.path;
        if (targetUrl.startsWith("ws")) {
            targetUrl = targetUrl.replace("ws", "http");
        }
        // Call onBeforeRequest callback before making the forward request
        if (fetchOptions.onBeforeRequest) {
            try {
                await fetchOptions.onBeforeRequest(requestOptions, req, res, options);
            }
            catch (err) {
                handleError(err, options.forward);
                return;
            }
        }
        try {
            const result = await customFetch(targetUrl, requestOptions);
            // Call onAfterResponse callback for forward requests (though they typically don't expect responses)
            if (fetchOptions.onAfterResponse) {
                try {
                    await fetchOptions.onAfterResponse(result, req, res, options);
                }
                catch (err) {
                    handleError(err, options.forward);
                    return;
                }
            }
        }
        catch (err) {
            handleError(err, options.forward);
        }
        if (!options.target) {
            return res.end();
        }
    }
    const outgoingOptions = common.setupOutgoing(options.ssl || {}, options, req);
    const requestOptions = prepareRequest(outgoingOptions);
    let targetUrl = new URL(outgoingOptions.url).origin + outgoingOptions.path;
    if (targetUrl.startsWith("ws")) {
        targetUrl = targetUrl.replace("ws", "http");
    }
    // Call onBeforeRequest callback before making the request
    if (fetchOptions.onBeforeRequest) {
        try {
            await fetchOptions.onBeforeRequest(requestOptions, req, res, options);
        }
        catch (err) {
            handleError(err, options.target);
            return;
        }
    }
    try {
        const response = await customFetch(targetUrl, requestOptions);
        // Call onAfterResponse callback after receiving the response
        if (fetchOptions.onAfterResponse) {
            try {
                await fetchOptions.onAfterResponse(response, req, res, options);
            }
            catch (err) {
                handleError(err, options.target);
                return;
            }
        }
        // ProxyRes is used in the outgoing passes
        // But since only certain properties are used, we can fake it here
        // to avoid having to refactor everything.
        const fakeProxyRes = {
            statusCode: response.status,
            statusMessage: response.statusText,
            headers: Object.fromEntries(response.headers.entries()),
            rawHeaders: Object.entries(response.headers).flatMap(([key, value]) => {
                if (Array.isArray(value)) {
                    return value.flatMap((v) => (v != null ? [key, v] : []));
                }
                return value != null ? [key, value] : [];
            }),
        };
        server?.emit("proxyRes", fakeProxyRes, req, res);
        if (!res.headersSent && !options.selfHandleResponse) {
            for (const pass of web_o) {
                // note: none of these return anything
                pass(req, res, fakeProxyRes, options);
            }
        }
        if (!res.writableEnded) {
            // Allow us to listen for when the proxy has completed
            const nodeStream = response.body ? node_stream_1.Readable.from(response.body) : null;
            if (nodeStream) {
                nodeStream.on("error", (err) => {
                    handleError(err, options.target);
                });
                nodeStream.on("end", () => {
                    server?.emit("end", req, res, fakeProxyRes);
                });
                // We pipe to the response unless its expected to be handled by the user
                if (!options.selfHandleResponse) {
                    nodeStream.pipe(res, { end: true });
                }
                else {
                    nodeStream.resume();
                }
            }
            else {
                server?.emit("end", req, res, fakeProxyRes);
            }
        }
        else {
            server?.emit("end", req, res, fakeProxyRes);
        }
    }
    catch (err) {
        handleError(err, options.target);
    }
}
exports.WEB_PASSES = { deleteLength, timeout, XHeaders, stream };


/***/ }),

/***/ 8559:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


/*
The passes.

A `pass` is just a function that is executed on `req, res, options`
so that you can easily add new checks while still keeping the base
flexible.

NOTE: The function in OUTGOING_PASSES are called. They are assumed
to not return anything.
*/
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.OUTGOING_PASSES = void 0;
exports.removeChunked = removeChunked;
exports.setConnection = setConnection;
exports.setRedirectHostRewrite = setRedirectHostRewrite;
exports.writeHeaders = writeHeaders;
exports.writeStatusCode = writeStatusCode;
const common = __importStar(__webpack_require__(44505));
const redirectRegex = /^201|30(1|2|7|8)$/;
// <--
// If is a HTTP 1.0 request, remove chunk headers
function removeChunked(_req, _res, 
// Response object from the proxy request
proxyRes) {
    // transfer-encoding is hop-by-hop, don't preserve it across proxy hops
    delete proxyRes.headers["transfer-encoding"];
}
// If is a HTTP 1.0 request, set the correct connection header
// or if connection header not present, then use `keep-alive`
function setConnection(req, _res, 
// Response object from the proxy request
proxyRes) {
    if (req.httpVersion === "1.0") {
        proxyRes.headers["connection"] = req.headers["connection"] || "close";
    }
    else if (req.httpVersion !== "2.0" && !proxyRes.headers["connection"]) {
        proxyRes.headers["connection"] = req.headers["connection"] || "keep-alive";
    }
}
function setRedirectHostRewrite(req, _res, proxyRes, options) {
    if ((options.hostRewrite || options.autoRewrite || options.protocolRewrite) &&
        proxyRes.headers["location"] &&
        redirectRegex.test(`${proxyRes.statusCode}`)) {
        const target = common.toURL(options.target);
        const location = proxyRes.headers["location"];
        if (typeof location != "string") {
            return;
        }
        const u = common.toURL(location);
        // make sure the redirected host matches the target host before rewriting
        if (target.host != u.host) {
            return;
        }
        if (options.hostRewrite) {
            u.host = options.hostRewrite;
        }
        else if (options.autoRewrite) {
            u.host = req.headers[":authority"] ?? req.headers["host"] ?? "";
        }
        if (options.protocolRewrite) {
            u.protocol = options.protocolRewrite;
        }
        proxyRes.headers["location"] = u.toString();
    }
}
// Copy headers from proxyRes to res.
function writeHeaders(_req, 
// Response to set headers in
res, 
// Response object from the proxy request
proxyRes, 
// options.cookieDomainRewrite: Config to rewrite cookie domain
options) {
    const rewriteCookieDomainConfig = typeof options.cookieDomainRewrite === "string"
        ? // also test for ''
            { "*": options.cookieDomainRewrite }
        : options.cookieDomainRewrite;
    const rewriteCookiePathConfig = typeof options.cookiePathRewrite === "string"
        ? // also test for ''
            { "*": options.cookiePathRewrite }
        : options.cookiePathRewrite;
    const preserveHeaderKeyCase = options.preserveHeaderKeyCase;
    const setHeader = (key, header) => {
        if (header == undefined) {
            return;
        }
        if (rewriteCookieDomainConfig && key.toLowerCase() === "set-cookie") {
            header = common.rewriteCookieProperty(header, rewriteCookieDomainConfig, "domain");
        }
        if (rewriteCookiePathConfig && key.toLowerCase() === "set-cookie") {
            header = common.rewriteCookieProperty(header, rewriteCookiePathConfig, "path");
        }
        res.setHeader(String(key).trim(), header);
    };
    // message.rawHeaders is added in: v0.11.6
    // https://nodejs.org/api/http.html#http_message_rawheaders
    let rawHeaderKeyMap;
    if (preserveHeaderKeyCase && proxyRes.rawHeaders != undefined) {
        rawHeaderKeyMap = {};
        for (let i = 0; i < proxyRes.rawHeaders.length; i += 2) {
            const key = proxyRes.rawHeaders[i];
            rawHeaderKeyMap[key.toLowerCase()] = key;
        }
    }
    for (const key0 in proxyRes.headers) {
        let key = key0;
        if (_req.httpVersionMajor > 1 && (key === "connection" || key === "keep-alive")) {
            // don't send connection header to http2 client
            continue;
        }
        const header = proxyRes.headers[key];
        if (preserveHeaderKeyCase && rawHeaderKeyMap) {
            key = rawHeaderKeyMap[key] ?? key;
        }
        setHeader(key, header);
    }
}
// Set the statusCode from the proxyResponse
function writeStatusCode(_req, res, proxyRes) {
    // From Node.js docs: response.writeHead(statusCode[, statusMessage][, headers])
    res.statusCode = proxyRes.statusCode;
    if (proxyRes.statusMessage && _req.httpVersionMajor === 1) {
        res.statusMessage = proxyRes.statusMessage;
    }
}
exports.OUTGOING_PASSES = {
    removeChunked,
    setConnection,
    setRedirectHostRewrite,
    writeHeaders,
    writeStatusCode,
};


/***/ }),

/***/ 67036:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


/*
Websockets Passes: Array of passes.

A `pass` is just a function that is executed on `req, socket, options`
so that you can easily add new checks while still keeping the base
flexible.

The names of passes are exported as WS_PASSES from this module.
*/
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.WS_PASSES = void 0;
exports.numOpenSockets = numOpenSockets;
exports.checkMethodAndHeader = checkMethodAndHeader;
exports.XHeaders = XHeaders;
exports.stream = stream;
const http = __importStar(__webpack_require__(37067));
const https = __importStar(__webpack_require__(44708));
const common = __importStar(__webpack_require__(44505));
const web_outgoing_1 = __webpack_require__(8559);
const debug_1 = __importDefault(__webpack_require__(2830));
const log = (0, debug_1.default)("http-proxy-3:ws-incoming");
const web_o = Object.values(web_outgoing_1.OUTGOING_PASSES);
function createSocketCounter(name) {
    let sockets = new Set();
    return ({ add, rm, } = {}) => {
        if (add) {
            if (!add.id) {
                add.id = Math.random();
            }
            if (!sockets.has(add.id)) {
                sockets.add(add.id);
            }
        }
        if (rm) {
            if (!rm.id) {
                rm.id = Math.random();
            }
            if (sockets.has(rm.id)) {
                sockets.delete(rm.id);
            }
        }
        log("socket counter:", { [name]: sockets.size }, add ? "add" : rm ? "rm" : "");
        return sockets.size;
    };
}
const socketCounter = createSocketCounter("socket");
const proxySocketCounter = createSocketCounter("proxySocket");
/* MockResponse
   when a websocket gets a regular HTTP Response,
   apply proxied headers
*/
class MockResponse {
    constructor() {
        this.headers = {};
        this.statusCode = 200;
        this.statusMessage = "";
    }
    setHeader(key, value) {
        this.headers[key] = value;
        return this;
    }
    ;
}
function numOpenSockets() {
    return socketCounter() + proxySocketCounter();
}
// WebSocket requests must have the `GET` method and
// the `upgrade:websocket` header
function checkMethodAndHeader(req, socket) {
    log("websocket: checkMethodAndHeader");
    if (req.method !== "GET" || !req.headers.upgrade) {
        socket.destroy();
        return true;
    }
    if (req.headers.upgrade.toLowerCase() !== "websocket") {
        socket.destroy();
        return true;
    }
}
// Sets `x-forwarded-*` headers if specified in config.
function XHeaders(req, _socket, options) {
    if (!options.xfwd)
        return;
    log("websocket: XHeaders");
    const values = {
        for: req.connection.remoteAddress || req.socket.remoteAddress,
        port: common.getPort(req),
        proto: common.hasEncryptedConnection(req) ? "wss" : "ws",
    };
    for (const header of ["for", "port", "proto"]) {
        req.headers["x-forwarded-" + header] =
            (req.headers["x-forwarded-" + header] || "") +
                (req.headers["x-forwarded-" + header] ? "," : "") +
                values[header];
    }
}
// Do the actual proxying. Make the request and upgrade it.
// Send the Switching Protocols request and pipe the sockets.
function stream(req, socket, options, head, server, cb) {
    log("websocket: new stream");
    const proxySockets = [];
    socketCounter({ add: socket });
    const cleanUpProxySockets = () => {
        for (const p of proxySockets) {
            p.end();
        }
    };
    socket.on("close", () => {
        socketCounter({ rm: socket });
        cleanUpProxySockets();
    });
    // The pipe below will end proxySocket if socket closes cleanly, but not
    // if it errors (eg, vanishes from the net and starts returning
    // EHOSTUNREACH). We need to do that explicitly.
    socket.on("error", cleanUpProxySockets);
    const createHttpHeader = (line, headers) => {
        return (Object.keys(headers)
            .reduce((head, key) => {
            const value = headers[key];
            if (!Array.isArray(value)) {
                head.push(key + ": " + value);
                return head;
            }
            for (let i = 0; i < value.length; i++) {
                head.push(key + ": " + value[i]);
            }
            return head;
        }, [line])
            .join("\r\n") + "\r\n\r\n");
    };
    common.setupSocket(socket);
    if (head && head.length) {
        socket.unshift(head);
    }
    // @ts-expect-error FIXME: options.target may be undefined
    const proto = common.isSSL.test(options.target.protocol) ? https : http;
    const outgoingOptions = common.setupOutgoing(options.ssl || {}, options, req);
    const proxyReq = proto.request(outgoingOptions);
    // Enable developers to modify the proxyReq before headers are sent
    if (server) {
        server.emit("proxyReqWs", proxyReq, req, socket, options, head);
    }
    // Error Handler
    proxyReq.on("error", onOutgoingError);
    proxyReq.on("upgrade", (proxyRes, proxySocket, proxyHead) => {
        log("upgrade");
        proxySocketCounter({ add: proxySocket });
        proxySockets.push(proxySocket);
        proxySocket.on("close", () => {
            proxySocketCounter({ rm: proxySocket });
        });
        proxySocket.on("error", onOutgoingError);
        // Allow us to listen for when the websocket has completed.
        proxySocket.on("end", () => {
            server.emit("close", proxyRes, proxySocket, proxyHead);
        });
        proxySocket.on("close", () => {
            socket.end();
        });
        common.setupSocket(proxySocket);
        if (proxyHead && proxyHead.length) {
            proxySocket.unshift(proxyHead);
        }
        // Remark: Handle writing the headers to the socket when switching protocols
        // Also handles when a header is an array.
        socket.write(createHttpHeader("HTTP/1.1 101 Switching Protocols", proxyRes.headers));
        proxySocket.pipe(socket).pipe(proxySocket);
        server.emit("open", proxySocket);
    });
    function onOutgoingError(err) {
        if (cb) {
            cb(err, req, socket);
        }
        else {
            server.emit("error", err, req, socket);
        }
        // I changed this from "socket.end()" which is what node-http-proxy does to destroySoon() due to getting
        // the unit test "should close client socket if upstream is closed before upgrade" from lib/http-proxy.test.ts
        // to work.  Just doing socket.end() leaves things half open for a while if proxySocket errors out,
        // which may be another leak type situation and definitely doesn't work for unit testing.
        socket.destroySoon();
    }
    // if we get a response, backend is not a websocket endpoint,
    // relay HTTP response and close the socket
    proxyReq.on("response", (proxyRes) => {
        log("got non-ws HTTP response", {
            statusCode: proxyRes.statusCode,
            statusMessage: proxyRes.statusMessage,
        });
        const res = new MockResponse();
        for (const pass of web_o) {
            // note: none of these return anything
            pass(req, res, proxyRes, options);
        }
        // implement HTTP/1.1 chunked transfer unless content-length is defined
        // matches proxyRes.pipe(res) behavior,
        // but we are piping directly to the socket instead, so it's our job.
        let writeChunk = (chunk) => {
            socket.write(chunk);
        };
        if (req.httpVersion === "1.1" && proxyRes.headers["content-length"] === undefined) {
            res.headers["transfer-encoding"] = "chunked";
            writeChunk = (chunk) => {
                socket.write(chunk.length.toString(16));
                socket.write("\r\n");
                socket.write(chunk);
                socket.write("\r\n");
            };
        }
        const proxyHead = createHttpHeader(`HTTP/${req.httpVersion} ${proxyRes.statusCode} ${proxyRes.statusMessage}`, res.headers);
        if (!socket.destroyed) {
            socket.write(proxyHead);
            proxyRes.on("data", (chunk) => {
                writeChunk(chunk);
            });
            proxyRes.on("end", () => {
                writeChunk("");
                socket.destroySoon();
            });
        }
        else {
            // make sure response is consumed
            proxyRes.resume();
        }
    });
    proxyReq.end();
}
exports.WS_PASSES = { checkMethodAndHeader, XHeaders, stream };


/***/ }),

/***/ 31774:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
__webpack_unused_export__ = __webpack_unused_export__ = void 0;
exports.eQ = createProxyServer;
__webpack_unused_export__ = createProxyServer;
__webpack_unused_export__ = createProxyServer;
const index_1 = __webpack_require__(86358);
__webpack_unused_export__ = ({ enumerable: true, get: function () { return index_1.ProxyServer; } });
var ws_incoming_1 = __webpack_require__(67036);
__webpack_unused_export__ = ({ enumerable: true, get: function () { return ws_incoming_1.numOpenSockets; } });
/**
 * Creates the proxy server.
 *
 * Examples:
 *
 *    httpProxy.createProxyServer({ .. }, 8000)
 *    // => '{ web: [Function], ws: [Function] ... }'
 *
 * @param {Object} Options Config object passed to the proxy
 *
 * @return {Object} Proxy Proxy object with handlers for `ws` and `web` requests
 *
 * @api public
 */
function createProxyServer(options = {}) {
    return new index_1.ProxyServer(options);
}
/**
 * Export the proxy "Server" as the main export.
 */
__webpack_unused_export__ = index_1.ProxyServer;


/***/ })

};
