import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 74;
export const ids = [74];
export const modules = {

/***/ 34268:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CALL_MASK: () => (/* binding */ CALL_MASK),
/* harmony export */   CALL_SHIFT: () => (/* binding */ CALL_SHIFT),
/* harmony export */   CALL_TYPE_MASK: () => (/* binding */ CALL_TYPE_MASK),
/* harmony export */   CLOCKS: () => (/* binding */ CLOCKS),
/* harmony export */   CLOCKS_DURATION_SUBSCRIBE: () => (/* binding */ CLOCKS_DURATION_SUBSCRIBE),
/* harmony export */   CLOCKS_INSTANT_SUBSCRIBE: () => (/* binding */ CLOCKS_INSTANT_SUBSCRIBE),
/* harmony export */   FILE: () => (/* binding */ FILE),
/* harmony export */   FUTURE_DISPOSE: () => (/* binding */ FUTURE_DISPOSE),
/* harmony export */   FUTURE_SUBSCRIBE: () => (/* binding */ FUTURE_SUBSCRIBE),
/* harmony export */   FUTURE_TAKE_VALUE: () => (/* binding */ FUTURE_TAKE_VALUE),
/* harmony export */   HTTP: () => (/* binding */ HTTP),
/* harmony export */   HTTP_CREATE_REQUEST: () => (/* binding */ HTTP_CREATE_REQUEST),
/* harmony export */   HTTP_OUTGOING_BODY_DISPOSE: () => (/* binding */ HTTP_OUTGOING_BODY_DISPOSE),
/* harmony export */   HTTP_OUTPUT_STREAM_FINISH: () => (/* binding */ HTTP_OUTPUT_STREAM_FINISH),
/* harmony export */   HTTP_SERVER_CLEAR_OUTGOING_RESPONSE: () => (/* binding */ HTTP_SERVER_CLEAR_OUTGOING_RESPONSE),
/* harmony export */   HTTP_SERVER_INCOMING_HANDLER: () => (/* binding */ HTTP_SERVER_INCOMING_HANDLER),
/* harmony export */   HTTP_SERVER_SET_OUTGOING_RESPONSE: () => (/* binding */ HTTP_SERVER_SET_OUTGOING_RESPONSE),
/* harmony export */   HTTP_SERVER_START: () => (/* binding */ HTTP_SERVER_START),
/* harmony export */   HTTP_SERVER_STOP: () => (/* binding */ HTTP_SERVER_STOP),
/* harmony export */   INPUT_STREAM_BLOCKING_READ: () => (/* binding */ INPUT_STREAM_BLOCKING_READ),
/* harmony export */   INPUT_STREAM_BLOCKING_SKIP: () => (/* binding */ INPUT_STREAM_BLOCKING_SKIP),
/* harmony export */   INPUT_STREAM_CREATE: () => (/* binding */ INPUT_STREAM_CREATE),
/* harmony export */   INPUT_STREAM_DISPOSE: () => (/* binding */ INPUT_STREAM_DISPOSE),
/* harmony export */   INPUT_STREAM_READ: () => (/* binding */ INPUT_STREAM_READ),
/* harmony export */   INPUT_STREAM_SKIP: () => (/* binding */ INPUT_STREAM_SKIP),
/* harmony export */   INPUT_STREAM_SUBSCRIBE: () => (/* binding */ INPUT_STREAM_SUBSCRIBE),
/* harmony export */   OUTPUT_STREAM_BLOCKING_FLUSH: () => (/* binding */ OUTPUT_STREAM_BLOCKING_FLUSH),
/* harmony export */   OUTPUT_STREAM_BLOCKING_SPLICE: () => (/* binding */ OUTPUT_STREAM_BLOCKING_SPLICE),
/* harmony export */   OUTPUT_STREAM_BLOCKING_WRITE_AND_FLUSH: () => (/* binding */ OUTPUT_STREAM_BLOCKING_WRITE_AND_FLUSH),
/* harmony export */   OUTPUT_STREAM_BLOCKING_WRITE_ZEROES_AND_FLUSH: () => (/* binding */ OUTPUT_STREAM_BLOCKING_WRITE_ZEROES_AND_FLUSH),
/* harmony export */   OUTPUT_STREAM_CHECK_WRITE: () => (/* binding */ OUTPUT_STREAM_CHECK_WRITE),
/* harmony export */   OUTPUT_STREAM_CREATE: () => (/* binding */ OUTPUT_STREAM_CREATE),
/* harmony export */   OUTPUT_STREAM_DISPOSE: () => (/* binding */ OUTPUT_STREAM_DISPOSE),
/* harmony export */   OUTPUT_STREAM_FLUSH: () => (/* binding */ OUTPUT_STREAM_FLUSH),
/* harmony export */   OUTPUT_STREAM_GET_TOTAL_BYTES: () => (/* binding */ OUTPUT_STREAM_GET_TOTAL_BYTES),
/* harmony export */   OUTPUT_STREAM_SPLICE: () => (/* binding */ OUTPUT_STREAM_SPLICE),
/* harmony export */   OUTPUT_STREAM_SUBSCRIBE: () => (/* binding */ OUTPUT_STREAM_SUBSCRIBE),
/* harmony export */   OUTPUT_STREAM_WRITE: () => (/* binding */ OUTPUT_STREAM_WRITE),
/* harmony export */   OUTPUT_STREAM_WRITE_ZEROES: () => (/* binding */ OUTPUT_STREAM_WRITE_ZEROES),
/* harmony export */   POLL_POLLABLE_BLOCK: () => (/* binding */ POLL_POLLABLE_BLOCK),
/* harmony export */   POLL_POLLABLE_DISPOSE: () => (/* binding */ POLL_POLLABLE_DISPOSE),
/* harmony export */   POLL_POLLABLE_READY: () => (/* binding */ POLL_POLLABLE_READY),
/* harmony export */   POLL_POLL_LIST: () => (/* binding */ POLL_POLL_LIST),
/* harmony export */   SOCKET_DATAGRAM_STREAM_DISPOSE: () => (/* binding */ SOCKET_DATAGRAM_STREAM_DISPOSE),
/* harmony export */   SOCKET_DATAGRAM_STREAM_SUBSCRIBE: () => (/* binding */ SOCKET_DATAGRAM_STREAM_SUBSCRIBE),
/* harmony export */   SOCKET_GET_DEFAULT_RECEIVE_BUFFER_SIZE: () => (/* binding */ SOCKET_GET_DEFAULT_RECEIVE_BUFFER_SIZE),
/* harmony export */   SOCKET_GET_DEFAULT_SEND_BUFFER_SIZE: () => (/* binding */ SOCKET_GET_DEFAULT_SEND_BUFFER_SIZE),
/* harmony export */   SOCKET_INCOMING_DATAGRAM_STREAM_RECEIVE: () => (/* binding */ SOCKET_INCOMING_DATAGRAM_STREAM_RECEIVE),
/* harmony export */   SOCKET_OUTGOING_DATAGRAM_STREAM_CHECK_SEND: () => (/* binding */ SOCKET_OUTGOING_DATAGRAM_STREAM_CHECK_SEND),
/* harmony export */   SOCKET_OUTGOING_DATAGRAM_STREAM_SEND: () => (/* binding */ SOCKET_OUTGOING_DATAGRAM_STREAM_SEND),
/* harmony export */   SOCKET_RESOLVE_ADDRESS_CREATE_REQUEST: () => (/* binding */ SOCKET_RESOLVE_ADDRESS_CREATE_REQUEST),
/* harmony export */   SOCKET_RESOLVE_ADDRESS_DISPOSE_REQUEST: () => (/* binding */ SOCKET_RESOLVE_ADDRESS_DISPOSE_REQUEST),
/* harmony export */   SOCKET_RESOLVE_ADDRESS_SUBSCRIBE_REQUEST: () => (/* binding */ SOCKET_RESOLVE_ADDRESS_SUBSCRIBE_REQUEST),
/* harmony export */   SOCKET_RESOLVE_ADDRESS_TAKE_REQUEST: () => (/* binding */ SOCKET_RESOLVE_ADDRESS_TAKE_REQUEST),
/* harmony export */   SOCKET_TCP: () => (/* binding */ SOCKET_TCP),
/* harmony export */   SOCKET_TCP_ACCEPT: () => (/* binding */ SOCKET_TCP_ACCEPT),
/* harmony export */   SOCKET_TCP_BIND_FINISH: () => (/* binding */ SOCKET_TCP_BIND_FINISH),
/* harmony export */   SOCKET_TCP_BIND_START: () => (/* binding */ SOCKET_TCP_BIND_START),
/* harmony export */   SOCKET_TCP_CONNECT_FINISH: () => (/* binding */ SOCKET_TCP_CONNECT_FINISH),
/* harmony export */   SOCKET_TCP_CONNECT_START: () => (/* binding */ SOCKET_TCP_CONNECT_START),
/* harmony export */   SOCKET_TCP_CREATE_HANDLE: () => (/* binding */ SOCKET_TCP_CREATE_HANDLE),
/* harmony export */   SOCKET_TCP_DISPOSE: () => (/* binding */ SOCKET_TCP_DISPOSE),
/* harmony export */   SOCKET_TCP_GET_LOCAL_ADDRESS: () => (/* binding */ SOCKET_TCP_GET_LOCAL_ADDRESS),
/* harmony export */   SOCKET_TCP_GET_REMOTE_ADDRESS: () => (/* binding */ SOCKET_TCP_GET_REMOTE_ADDRESS),
/* harmony export */   SOCKET_TCP_IS_LISTENING: () => (/* binding */ SOCKET_TCP_IS_LISTENING),
/* harmony export */   SOCKET_TCP_LISTEN_FINISH: () => (/* binding */ SOCKET_TCP_LISTEN_FINISH),
/* harmony export */   SOCKET_TCP_LISTEN_START: () => (/* binding */ SOCKET_TCP_LISTEN_START),
/* harmony export */   SOCKET_TCP_SET_KEEP_ALIVE: () => (/* binding */ SOCKET_TCP_SET_KEEP_ALIVE),
/* harmony export */   SOCKET_TCP_SET_LISTEN_BACKLOG_SIZE: () => (/* binding */ SOCKET_TCP_SET_LISTEN_BACKLOG_SIZE),
/* harmony export */   SOCKET_TCP_SHUTDOWN: () => (/* binding */ SOCKET_TCP_SHUTDOWN),
/* harmony export */   SOCKET_TCP_SUBSCRIBE: () => (/* binding */ SOCKET_TCP_SUBSCRIBE),
/* harmony export */   SOCKET_UDP: () => (/* binding */ SOCKET_UDP),
/* harmony export */   SOCKET_UDP_BIND_FINISH: () => (/* binding */ SOCKET_UDP_BIND_FINISH),
/* harmony export */   SOCKET_UDP_BIND_START: () => (/* binding */ SOCKET_UDP_BIND_START),
/* harmony export */   SOCKET_UDP_CREATE_HANDLE: () => (/* binding */ SOCKET_UDP_CREATE_HANDLE),
/* harmony export */   SOCKET_UDP_DISPOSE: () => (/* binding */ SOCKET_UDP_DISPOSE),
/* harmony export */   SOCKET_UDP_GET_LOCAL_ADDRESS: () => (/* binding */ SOCKET_UDP_GET_LOCAL_ADDRESS),
/* harmony export */   SOCKET_UDP_GET_RECEIVE_BUFFER_SIZE: () => (/* binding */ SOCKET_UDP_GET_RECEIVE_BUFFER_SIZE),
/* harmony export */   SOCKET_UDP_GET_REMOTE_ADDRESS: () => (/* binding */ SOCKET_UDP_GET_REMOTE_ADDRESS),
/* harmony export */   SOCKET_UDP_GET_SEND_BUFFER_SIZE: () => (/* binding */ SOCKET_UDP_GET_SEND_BUFFER_SIZE),
/* harmony export */   SOCKET_UDP_GET_UNICAST_HOP_LIMIT: () => (/* binding */ SOCKET_UDP_GET_UNICAST_HOP_LIMIT),
/* harmony export */   SOCKET_UDP_SET_RECEIVE_BUFFER_SIZE: () => (/* binding */ SOCKET_UDP_SET_RECEIVE_BUFFER_SIZE),
/* harmony export */   SOCKET_UDP_SET_SEND_BUFFER_SIZE: () => (/* binding */ SOCKET_UDP_SET_SEND_BUFFER_SIZE),
/* harmony export */   SOCKET_UDP_SET_UNICAST_HOP_LIMIT: () => (/* binding */ SOCKET_UDP_SET_UNICAST_HOP_LIMIT),
/* harmony export */   SOCKET_UDP_STREAM: () => (/* binding */ SOCKET_UDP_STREAM),
/* harmony export */   SOCKET_UDP_SUBSCRIBE: () => (/* binding */ SOCKET_UDP_SUBSCRIBE),
/* harmony export */   STDERR: () => (/* binding */ STDERR),
/* harmony export */   STDIN: () => (/* binding */ STDIN),
/* harmony export */   STDOUT: () => (/* binding */ STDOUT),
/* harmony export */   reverseMap: () => (/* binding */ reverseMap)
/* harmony export */ });
/* harmony import */ var _calls_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34268);
let call_id = 0;

// Call is a 32 bit integer, leading 8 bits are call number, trailing 24 bits allow custom call types
const CALL_MASK = 0xff000000;
const CALL_TYPE_MASK = 0x00ffffff;
const CALL_SHIFT = 24;

// Type indiciator for generic Stream, Future, and Poll calls
let cnt = 0;
const STDIN = ++cnt;
const STDOUT = ++cnt;
const STDERR = ++cnt;
const FILE = ++cnt;
const HTTP = ++cnt;
const SOCKET_TCP = ++cnt;
const SOCKET_UDP = ++cnt;
const CLOCKS = ++cnt;

// Io Input Stream
const INPUT_STREAM_CREATE = ++call_id << CALL_SHIFT;
const INPUT_STREAM_READ = ++call_id << CALL_SHIFT;
const INPUT_STREAM_BLOCKING_READ = ++call_id << CALL_SHIFT;
const INPUT_STREAM_SKIP = ++call_id << CALL_SHIFT;
const INPUT_STREAM_BLOCKING_SKIP = ++call_id << CALL_SHIFT;
const INPUT_STREAM_SUBSCRIBE = ++call_id << CALL_SHIFT;
const INPUT_STREAM_DISPOSE = ++call_id << CALL_SHIFT;

// Io Output Stream
const OUTPUT_STREAM_CREATE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_CHECK_WRITE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_WRITE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_BLOCKING_WRITE_AND_FLUSH = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_FLUSH = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_BLOCKING_FLUSH = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_WRITE_ZEROES = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_BLOCKING_WRITE_ZEROES_AND_FLUSH =
  ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_SPLICE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_BLOCKING_SPLICE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_SUBSCRIBE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_DISPOSE = ++call_id << CALL_SHIFT;

const OUTPUT_STREAM_GET_TOTAL_BYTES = ++call_id << CALL_SHIFT;

// Io Poll
const POLL_POLLABLE_READY = ++call_id << CALL_SHIFT;
const POLL_POLLABLE_BLOCK = ++call_id << CALL_SHIFT;
const POLL_POLLABLE_DISPOSE = ++call_id << CALL_SHIFT;
const POLL_POLL_LIST = ++call_id << CALL_SHIFT;

// Futures
const FUTURE_DISPOSE = ++call_id << CALL_SHIFT;
const FUTURE_TAKE_VALUE = ++call_id << CALL_SHIFT;
const FUTURE_SUBSCRIBE = ++call_id << CALL_SHIFT;

// Http
const HTTP_CREATE_REQUEST = ++call_id << 24;
const HTTP_OUTPUT_STREAM_FINISH = ++call_id << CALL_SHIFT;
// Http server
const HTTP_SERVER_START = ++call_id << CALL_SHIFT;
const HTTP_SERVER_STOP = ++call_id << CALL_SHIFT;
const HTTP_SERVER_INCOMING_HANDLER = ++call_id << CALL_SHIFT;
const HTTP_SERVER_SET_OUTGOING_RESPONSE = ++call_id << CALL_SHIFT;
const HTTP_SERVER_CLEAR_OUTGOING_RESPONSE = ++call_id << CALL_SHIFT;
const HTTP_OUTGOING_BODY_DISPOSE = ++call_id << CALL_SHIFT;

// Clocks
const CLOCKS_DURATION_SUBSCRIBE = ++call_id << CALL_SHIFT;
const CLOCKS_INSTANT_SUBSCRIBE = ++call_id << CALL_SHIFT;

// Sockets
// Tcp
const SOCKET_TCP_CREATE_HANDLE = ++call_id << CALL_SHIFT;
const SOCKET_TCP_BIND_START = ++call_id << CALL_SHIFT;
const SOCKET_TCP_BIND_FINISH = ++call_id << CALL_SHIFT;
const SOCKET_TCP_CONNECT_START = ++call_id << CALL_SHIFT;
const SOCKET_TCP_CONNECT_FINISH = ++call_id << CALL_SHIFT;
const SOCKET_TCP_SUBSCRIBE = ++call_id << CALL_SHIFT;
const SOCKET_TCP_LISTEN_START = ++call_id << CALL_SHIFT;
const SOCKET_TCP_LISTEN_FINISH = ++call_id << CALL_SHIFT;
const SOCKET_TCP_IS_LISTENING = ++call_id << CALL_SHIFT;
const SOCKET_TCP_ACCEPT = ++call_id << CALL_SHIFT;
const SOCKET_TCP_GET_LOCAL_ADDRESS = ++call_id << CALL_SHIFT;
const SOCKET_TCP_GET_REMOTE_ADDRESS = ++call_id << CALL_SHIFT;
const SOCKET_TCP_SET_KEEP_ALIVE = ++call_id << CALL_SHIFT;
const SOCKET_TCP_SET_LISTEN_BACKLOG_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_TCP_SHUTDOWN = ++call_id << CALL_SHIFT;
const SOCKET_TCP_DISPOSE = ++call_id << CALL_SHIFT;
// Udp
const SOCKET_UDP_CREATE_HANDLE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_BIND_START = ++call_id << CALL_SHIFT;
const SOCKET_UDP_BIND_FINISH = ++call_id << CALL_SHIFT;
const SOCKET_UDP_STREAM = ++call_id << CALL_SHIFT;
const SOCKET_UDP_SUBSCRIBE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_DISPOSE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_GET_LOCAL_ADDRESS = ++call_id << CALL_SHIFT;
const SOCKET_UDP_GET_RECEIVE_BUFFER_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_GET_REMOTE_ADDRESS = ++call_id << CALL_SHIFT;
const SOCKET_UDP_GET_SEND_BUFFER_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_GET_UNICAST_HOP_LIMIT = ++call_id << CALL_SHIFT;
const SOCKET_UDP_SET_RECEIVE_BUFFER_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_SET_SEND_BUFFER_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_SET_UNICAST_HOP_LIMIT = ++call_id << CALL_SHIFT;
const SOCKET_INCOMING_DATAGRAM_STREAM_RECEIVE = ++call_id << CALL_SHIFT;
const SOCKET_OUTGOING_DATAGRAM_STREAM_CHECK_SEND =
  ++call_id << CALL_SHIFT;
const SOCKET_OUTGOING_DATAGRAM_STREAM_SEND = ++call_id << CALL_SHIFT;
const SOCKET_DATAGRAM_STREAM_SUBSCRIBE = ++call_id << CALL_SHIFT;
const SOCKET_DATAGRAM_STREAM_DISPOSE = ++call_id << CALL_SHIFT;

const SOCKET_GET_DEFAULT_SEND_BUFFER_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_GET_DEFAULT_RECEIVE_BUFFER_SIZE = ++call_id << CALL_SHIFT;

// Name lookup
const SOCKET_RESOLVE_ADDRESS_CREATE_REQUEST = ++call_id << CALL_SHIFT;
const SOCKET_RESOLVE_ADDRESS_TAKE_REQUEST = ++call_id << CALL_SHIFT;
const SOCKET_RESOLVE_ADDRESS_SUBSCRIBE_REQUEST = ++call_id << CALL_SHIFT;
const SOCKET_RESOLVE_ADDRESS_DISPOSE_REQUEST = ++call_id << CALL_SHIFT;

const reverseMap = {};



for (const name of Object.getOwnPropertyNames(_calls_js__WEBPACK_IMPORTED_MODULE_0__)) {
  if (name === "reverseMap") continue;
  reverseMap[_calls_js__WEBPACK_IMPORTED_MODULE_0__[name]] = name;
}


/***/ }),

/***/ 7747:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LJ: () => (/* binding */ earlyDispose),
  z3: () => (/* binding */ error),
  XK: () => (/* binding */ inputStreamCreate),
  Lx: () => (/* binding */ ioCall),
  Cs: () => (/* binding */ outputStreamCreate),
  DX: () => (/* binding */ registerDispose),
  oS: () => (/* binding */ streams)
});

// UNUSED EXPORTS: createPoll, createPollLower, inputStreamId, outputStreamId, poll, pollableCreate, registerIncomingHttpHandler

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./node_modules/@bytecodealliance/preview2-shim/lib/synckit/index.js
// Based on: https://github.com/un-ts/synckit
/*
MIT License

Copyright (c) 2021 UnTS

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
*/




const DEFAULT_WORKER_BUFFER_SIZE = 1024;

function extractProperties(object) {
  if (object && typeof object === "object") {
    const properties = {};
    for (const key in object) {
      properties[key] = object[key];
    }
    return properties;
  }
}

const CALL_TIMEOUT = undefined;

function createSyncFn(workerPath, debug, callbackHandler) {
  if (!external_node_path_.isAbsolute(workerPath)) {
    throw new Error("`workerPath` must be absolute");
  }
  const { port1: mainPort, port2: workerPort } = new external_node_worker_threads_.MessageChannel();
  const worker = new external_node_worker_threads_.Worker(workerPath, {
    workerData: { workerPort, debug },
    transferList: [workerPort],
    execArgv: []
  });
  worker.on('message', ({ type, id, payload }) => {
    if (!type)
      throw new Error('Internal error: Expected a type of a worker callback');
    callbackHandler(type, id, payload);
  });
  let nextID = 0;
  const syncFn = (...args) => {
    const cid = nextID++;
    const sharedBuffer = new SharedArrayBuffer(DEFAULT_WORKER_BUFFER_SIZE);
    const sharedBufferView = new Int32Array(sharedBuffer);
    const msg = { sharedBuffer, cid, args };
    worker.postMessage(msg);
    const status = Atomics.wait(sharedBufferView, 0, 0, CALL_TIMEOUT);
    if (!["ok", "not-equal"].includes(status)) {
      throw new Error("Internal error: Atomics.wait() failed: " + status);
    }
    const {
      cid: cid2,
      result,
      error,
      properties,
    } = (0,external_node_worker_threads_.receiveMessageOnPort)(mainPort).message;
    if (cid !== cid2) {
      throw new Error(`Internal error: Expected id ${cid} but got id ${cid2}`);
    }
    if (error) {
      if (error instanceof Error) throw Object.assign(error, properties);
      throw error;
    }
    return result;
  };
  if (worker.unref) worker.unref();
  return syncFn;
}

function runAsWorker(fn) {
  if (!workerData) {
    return;
  }
  const { workerPort, debug } = workerData;
  try {
    parentPort.on("message", ({ sharedBuffer, cid, args }) => {
      (async () => {
        const sharedBufferView = new Int32Array(sharedBuffer);
        let msg;
        try {
          msg = { cid, result: await fn(...args) };
        } catch (error) {
          msg = { cid, error, properties: extractProperties(error) };
        }
        workerPort.postMessage(msg);
        Atomics.add(sharedBufferView, 0, 1);
        Atomics.notify(sharedBufferView, 0);
      })();
    });
  } catch (error) {
    parentPort.on("message", ({ sharedBuffer, cid }) => {
      const sharedBufferView = new Int32Array(sharedBuffer);
      workerPort.postMessage({
        cid,
        error,
        properties: extractProperties(error),
      });
      Atomics.add(sharedBufferView, 0, 1);
      Atomics.notify(sharedBufferView, 0);
    });
  }
  return debug;
}

// EXTERNAL MODULE: ./node_modules/@bytecodealliance/preview2-shim/lib/io/calls.js
var calls = __webpack_require__(34268);
// EXTERNAL MODULE: external "node:process"
var external_node_process_ = __webpack_require__(1708);
;// CONCATENATED MODULE: ./node_modules/@bytecodealliance/preview2-shim/lib/io/worker-io.js





const _rawDebug = external_node_process_._rawDebug || console.error.bind(console);

const workerPath = (0,external_node_url_.fileURLToPath)(
  __webpack_require__.ab + "worker-thread.js"
);

const httpIncomingHandlers = new Map();
function registerIncomingHttpHandler(id, handler) {
  httpIncomingHandlers.set(id, handler);
}

const instanceId = Math.round(Math.random() * 1000).toString();
const DEBUG_DEFAULT = false;
const DEBUG =
  external_node_process_.env.PREVIEW2_SHIM_DEBUG === "0"
    ? false
    : external_node_process_.env.PREVIEW2_SHIM_DEBUG === "1"
    ? true
    : DEBUG_DEFAULT;

/**
 * @type {(call: number, id: number | null, payload: any) -> any}
 */
let ioCall = createSyncFn(workerPath, DEBUG, (type, id, payload) => {
  // 'callbacks' from the worker
  // ONLY happens for an http server incoming handler, and NOTHING else (not even sockets, since accept is sync!)
  if (type !== calls.HTTP_SERVER_INCOMING_HANDLER)
    throw new Error(
      "Internal error: only incoming handler callback is permitted"
    );
  const handler = httpIncomingHandlers.get(id);
  if (!handler)
    throw new Error(
      `Internal error: no incoming handler registered for server ${id}`
    );
  handler(payload);
});
if (DEBUG) {
  const _ioCall = ioCall;
  ioCall = function ioCall(num, id, payload) {
    if (typeof id !== "number" && id !== null)
      throw new Error("id must be a number or null");
    let ret;
    try {
      _rawDebug(
        instanceId,
        calls.reverseMap[num & calls.CALL_MASK],
        calls.reverseMap[num & calls.CALL_TYPE_MASK],
        id,
        payload
      );
      ret = _ioCall(num, id, payload);
      return ret;
    } catch (e) {
      ret = e;
      throw ret;
    } finally {
      _rawDebug(instanceId, "->", ret);
    }
  };
}

const symbolDispose = Symbol.dispose || Symbol.for("dispose");

const finalizationRegistry = new FinalizationRegistry(
  (dispose) => void dispose()
);

const dummySymbol = Symbol();

/**
 *
 * @param {any} resource
 * @param {any} parentResource
 * @param {number} id
 * @param {(number) => void} disposeFn
 */
function registerDispose(resource, parentResource, id, disposeFn) {
  // While strictly speaking all components should handle their disposal,
  // this acts as a last-resort to catch all missed drops through the JS GC.
  // Mainly for two cases - (1) components which are long lived, that get shut
  // down and (2) users that interface with low-level WASI APIs directly in JS
  // for various reasons may end up leaning on JS GC inadvertantly.
  function finalizer() {
    // This has no functional purpose other than to pin a strong reference
    // from the child resource's finalizer to the parent resource, to ensure
    // that we can never finalize a parent resource before a child resource.
    // This makes the generational JS GC become piecewise over child resource
    // graphs (generational at each resource hierarchy level at least).
    if (parentResource?.[dummySymbol]) return;
    disposeFn(id);
  }
  finalizationRegistry.register(resource, finalizer, finalizer);
  return finalizer;
}

function earlyDispose(finalizer) {
  finalizationRegistry.unregister(finalizer);
  finalizer();
}

const _Error = Error;
const IoError = class Error extends _Error {
  constructor(payload) {
    super(payload);
    this.payload = payload;
  }
  toDebugString() {
    return this.message;
  }
};

function streamIoErrorCall(call, id, payload) {
  try {
    return ioCall(call, id, payload);
  } catch (e) {
    if (e.tag === "closed") throw e;
    if (e.tag === "last-operation-failed") {
      e.val = new IoError(Object.assign(new Error(e.val.message), e.val));
      throw e;
    }
    // any invalid error is a trap
    console.trace(e);
    (0,external_node_process_.exit)(1);
  }
}

class InputStream {
  #id;
  #streamType;
  #finalizer;
  read(len) {
    return streamIoErrorCall(
      calls.INPUT_STREAM_READ | this.#streamType,
      this.#id,
      len
    );
  }
  blockingRead(len) {
    return streamIoErrorCall(
      calls.INPUT_STREAM_BLOCKING_READ | this.#streamType,
      this.#id,
      len
    );
  }
  skip(len) {
    return streamIoErrorCall(
      calls.INPUT_STREAM_SKIP | this.#streamType,
      this.#id,
      len
    );
  }
  blockingSkip(len) {
    return streamIoErrorCall(
      calls.INPUT_STREAM_BLOCKING_SKIP | this.#streamType,
      this.#id,
      len
    );
  }
  subscribe() {
    return pollableCreate(
      ioCall(calls.INPUT_STREAM_SUBSCRIBE | this.#streamType, this.#id),
      this
    );
  }
  static _id(stream) {
    return stream.#id;
  }
  /**
   * @param {FILE | SOCKET_TCP | STDIN | HTTP} streamType
   */
  static _create(streamType, id) {
    const stream = new InputStream();
    stream.#id = id;
    stream.#streamType = streamType;
    let disposeFn;
    switch (streamType) {
      case calls.FILE:
        disposeFn = fileInputStreamDispose;
        break;
      case calls.SOCKET_TCP:
        disposeFn = socketTcpInputStreamDispose;
        break;
      case calls.STDIN:
        disposeFn = stdinInputStreamDispose;
        break;
      case calls.HTTP:
        disposeFn = httpInputStreamDispose;
        break;
      default:
        throw new Error(
          "wasi-io trap: Dispose function not created for stream type " +
            calls.reverseMap[streamType]
        );
    }
    stream.#finalizer = registerDispose(stream, null, id, disposeFn);
    return stream;
  }
  [symbolDispose]() {
    if (this.#finalizer) {
      earlyDispose(this.#finalizer);
      this.#finalizer = null;
    }
  }
}

function fileInputStreamDispose(id) {
  ioCall(calls.INPUT_STREAM_DISPOSE | calls.FILE, id, null);
}

function socketTcpInputStreamDispose(id) {
  ioCall(calls.INPUT_STREAM_DISPOSE | calls.SOCKET_TCP, id, null);
}

function stdinInputStreamDispose(id) {
  ioCall(calls.INPUT_STREAM_DISPOSE | calls.STDIN, id, null);
}

function httpInputStreamDispose(id) {
  ioCall(calls.INPUT_STREAM_DISPOSE | calls.HTTP, id, null);
}

const inputStreamCreate = InputStream._create;
delete InputStream._create;

const inputStreamId = InputStream._id;
delete InputStream._id;

class OutputStream {
  #id;
  #streamType;
  #finalizer;
  checkWrite(len) {
    return streamIoErrorCall(
      calls.OUTPUT_STREAM_CHECK_WRITE | this.#streamType,
      this.#id,
      len
    );
  }
  write(buf) {
    if (this.#streamType <= calls.STDERR) return this.blockingWriteAndFlush(buf);
    return streamIoErrorCall(
      calls.OUTPUT_STREAM_WRITE | this.#streamType,
      this.#id,
      buf
    );
  }
  blockingWriteAndFlush(buf) {
    if (this.#streamType <= calls.STDERR) {
      const stream = this.#streamType === calls.STDERR ? external_node_process_.stderr : external_node_process_.stdout;
      return void stream.write(buf);
    }
    return streamIoErrorCall(
      calls.OUTPUT_STREAM_BLOCKING_WRITE_AND_FLUSH | this.#streamType,
      this.#id,
      buf
    );
  }
  flush() {
    return streamIoErrorCall(calls.OUTPUT_STREAM_FLUSH | this.#streamType, this.#id);
  }
  blockingFlush() {
    return streamIoErrorCall(
      calls.OUTPUT_STREAM_BLOCKING_FLUSH | this.#streamType,
      this.#id
    );
  }
  writeZeroes(len) {
    return streamIoErrorCall(
      calls.OUTPUT_STREAM_WRITE_ZEROES | this.#streamType,
      this.#id,
      len
    );
  }
  blockingWriteZeroesAndFlush(len) {
    return streamIoErrorCall(
      calls.OUTPUT_STREAM_BLOCKING_WRITE_ZEROES_AND_FLUSH | this.#streamType,
      this.#id,
      len
    );
  }
  splice(src, len) {
    return streamIoErrorCall(
      calls.OUTPUT_STREAM_SPLICE | this.#streamType,
      this.#id,
      { src: src.#id, len }
    );
  }
  blockingSplice(src, len) {
    return streamIoErrorCall(
      calls.OUTPUT_STREAM_BLOCKING_SPLICE | this.#streamType,
      this.#id,
      { src: inputStreamId(src), len }
    );
  }
  subscribe() {
    return pollableCreate(
      ioCall(calls.OUTPUT_STREAM_SUBSCRIBE | this.#streamType, this.#id)
    );
  }

  static _id(outputStream) {
    return outputStream.#id;
  }
  /**
   * @param {OutputStreamType} streamType
   * @param {any} createPayload
   */
  static _create(streamType, id) {
    const stream = new OutputStream();
    stream.#id = id;
    stream.#streamType = streamType;
    let disposeFn;
    switch (streamType) {
      case calls.STDOUT:
        disposeFn = stdoutOutputStreamDispose;
        break;
      case calls.STDERR:
        disposeFn = stderrOutputStreamDispose;
        break;
      case calls.SOCKET_TCP:
        disposeFn = socketTcpOutputStreamDispose;
        break;
      case calls.FILE:
        disposeFn = fileOutputStreamDispose;
        break;
      case calls.HTTP:
        return stream;
      default:
        throw new Error(
          "wasi-io trap: Dispose function not created for stream type " +
            calls.reverseMap[streamType]
        );
    }
    stream.#finalizer = registerDispose(stream, null, id, disposeFn);
    return stream;
  }

  [symbolDispose]() {
    if (this.#finalizer) {
      earlyDispose(this.#finalizer);
      this.#finalizer = null;
    }
  }
}

function stdoutOutputStreamDispose(id) {
  ioCall(calls.OUTPUT_STREAM_DISPOSE | calls.STDOUT, id);
}

function stderrOutputStreamDispose(id) {
  ioCall(calls.OUTPUT_STREAM_DISPOSE | calls.STDERR, id);
}

function socketTcpOutputStreamDispose(id) {
  ioCall(calls.OUTPUT_STREAM_DISPOSE | calls.SOCKET_TCP, id);
}

function fileOutputStreamDispose(id) {
  ioCall(calls.OUTPUT_STREAM_DISPOSE | calls.FILE, id);
}

const outputStreamCreate = OutputStream._create;
delete OutputStream._create;

const outputStreamId = OutputStream._id;
delete OutputStream._id;

const error = { Error: IoError };

const streams = { InputStream, OutputStream };

function pollableDispose(id) {
  ioCall(calls.POLL_POLLABLE_DISPOSE, id);
}

const rep = Symbol.for("cabiRep");

class Pollable {
  #finalizer;
  ready() {
    return ioCall(calls.POLL_POLLABLE_READY, this[rep]);
  }
  block() {
    ioCall(calls.POLL_POLLABLE_BLOCK, this[rep]);
  }
  static _create(id, parent) {
    const pollable = new Pollable();
    pollable[rep] = id;
    pollable.#finalizer = registerDispose(
      pollable,
      parent,
      id,
      pollableDispose
    );
    return pollable;
  }
  [symbolDispose]() {
    if (this.#finalizer && this[rep]) {
      earlyDispose(this.#finalizer);
      this.#finalizer = null;
    }
  }
}

const cabiLowerSymbol = Symbol.for("cabiLower");
const T_FLAG = 1 << 30;

Pollable.prototype.ready[cabiLowerSymbol] = function ({
  resourceTables: [table],
}) {
  return function pollableReady(handle) {
    const rep = table[(handle << 1) + 1] & ~T_FLAG;
    const ready = ioCall(calls.POLL_POLLABLE_READY, rep);
    return ready ? 1 : 0;
  };
};

Pollable.prototype.block[cabiLowerSymbol] = function ({
  resourceTables: [table],
}) {
  return function pollableBlock(handle) {
    const rep = table[(handle << 1) + 1] & ~T_FLAG;
    ioCall(calls.POLL_POLLABLE_BLOCK, rep);
  };
};

Pollable[Symbol.for("cabiDispose")] = function pollableDispose(rep) {
  ioCall(calls.POLL_POLLABLE_DISPOSE, rep);
};

const pollableCreate = Pollable._create;
delete Pollable._create;

const poll = {
  Pollable,
  poll(list) {
    return ioCall(
      calls.POLL_POLL_LIST,
      null,
      list.map((pollable) => pollable[rep])
    );
  },
};

poll.poll[cabiLowerSymbol] = function ({ memory, realloc, resourceTables: [table] }) {
  return function pollPollList (listPtr, len, retptr) {
    const handleList = new Uint32Array(memory.buffer, listPtr, len);
    const repList = Array(len);
    for (let i = 0; i < len; i++) {
      const handle = handleList[i];
      repList[i] = table[(handle << 1) + 1] & ~T_FLAG;
    }
    const result = ioCall(calls.POLL_POLL_LIST, null, repList);
    const ptr = realloc(0, 0, 4, result.byteLength);
    const out = new Uint32Array(memory.buffer, ptr, result.length);
    out.set(result);
    const ret = new Uint32Array(memory.buffer, retptr, 2);
    ret[0] = ptr;
    ret[1] = result.length;
    return retptr;
  };
};

function createPoll(call, id, initPayload) {
  return pollableCreate(ioCall(call, id, initPayload));
}

function createPollLower(call, id, table) {
  return function (initPayload) {
    const rep = ioCall(call, id, initPayload);
    const free = table[0] & ~T_FLAG;
    if (free === 0) {
      table.push(0);
      table.push(rep | T_FLAG);
      return (table.length >> 1) - 1;
    }
    table[0] = table[free << 1];
    table[free << 1] = 0;
    table[(free << 1) + 1] = rep | T_FLAG;
    return free;
  };
}


/***/ }),

/***/ 8024:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NS: () => (/* binding */ exit),
/* harmony export */   Uo: () => (/* binding */ stdout),
/* harmony export */   bX: () => (/* binding */ stdin),
/* harmony export */   cA: () => (/* binding */ environment),
/* harmony export */   vF: () => (/* binding */ stderr)
/* harmony export */ });
/* unused harmony exports _appendEnv, _setEnv, _setArgs, _setCwd, _setStdin, _setStdout, _setStderr, _setTerminalStdin, _setTerminalStdout, _setTerminalStderr, terminalInput, terminalOutput, terminalStderr, terminalStdin, terminalStdout */
/* harmony import */ var node_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1708);
/* harmony import */ var _io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7747);
/* harmony import */ var _io_calls_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34268);



const { InputStream, OutputStream } = _io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__/* .streams */ .oS;

const _appendEnv = (env) => {
  void (_env = [
    ..._env.filter(([curKey]) => !(curKey in env)),
    ...Object.entries(env),
  ]);
}
const _setEnv = (env) => void (_env = Object.entries(env));
const _setArgs = (args) => void (_args = args);
const _setCwd = (cwd) => void (_cwd = cwd);
const _setStdin = (stdin) => void (stdinStream = stdin);
const _setStdout = (stdout) => void (stdoutStream = stdout);
const _setStderr = (stderr) => void (stderrStream = stderr);
const _setTerminalStdin = (terminalStdin) =>
  void (terminalStdinInstance = terminalStdin);
const _setTerminalStdout = (terminalStdout) =>
  void (terminalStdoutInstance = terminalStdout);
const _setTerminalStderr = (terminalStderr) =>
  void (terminalStderrInstance = terminalStderr);

let _env = Object.entries(node_process__WEBPACK_IMPORTED_MODULE_0__.env),
  _args = node_process__WEBPACK_IMPORTED_MODULE_0__.argv.slice(1),
  _cwd = (0,node_process__WEBPACK_IMPORTED_MODULE_0__.cwd)();

const environment = {
  getEnvironment() {
    return _env;
  },
  getArguments() {
    return _args;
  },
  initialCwd() {
    return _cwd;
  },
};

const exit = {
  exit(status) {
    node_process__WEBPACK_IMPORTED_MODULE_0__.exit(status.tag === "err" ? 1 : 0);
  },
};

// Stdin is created as a FILE descriptor
let stdinStream;
let stdoutStream = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__/* .outputStreamCreate */ .Cs)(_io_calls_js__WEBPACK_IMPORTED_MODULE_2__.STDOUT, 1);
let stderrStream = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__/* .outputStreamCreate */ .Cs)(_io_calls_js__WEBPACK_IMPORTED_MODULE_2__.STDERR, 2);

const stdin = {
  InputStream,
  getStdin() {
    if (!stdinStream)
      stdinStream = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__/* .inputStreamCreate */ .XK)(
        _io_calls_js__WEBPACK_IMPORTED_MODULE_2__.STDIN,
        (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_2__.INPUT_STREAM_CREATE | _io_calls_js__WEBPACK_IMPORTED_MODULE_2__.STDIN, null, null),
      );
    return stdinStream;
  },
};

const stdout = {
  OutputStream,
  getStdout() {
    return stdoutStream;
  },
};

const stderr = {
  OutputStream,
  getStderr() {
    return stderrStream;
  },
};

class TerminalInput {}
class TerminalOutput {}

let terminalStdoutInstance = new TerminalOutput();
let terminalStderrInstance = new TerminalOutput();
let terminalStdinInstance = new TerminalInput();

const terminalInput = {
  TerminalInput,
};

const terminalOutput = {
  TerminalOutput,
};

const terminalStderr = {
  TerminalOutput,
  getTerminalStderr() {
    return terminalStderrInstance;
  },
};

const terminalStdin = {
  TerminalInput,
  getTerminalStdin() {
    return terminalStdinInstance;
  },
};

const terminalStdout = {
  TerminalOutput,
  getTerminalStdout() {
    return terminalStdoutInstance;
  },
};


/***/ }),

/***/ 98447:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gK: () => (/* binding */ types),
/* harmony export */   jw: () => (/* binding */ preopens)
/* harmony export */ });
/* unused harmony exports _setPreopens, _addPreopen */
/* harmony import */ var _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7747);
/* harmony import */ var _io_calls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34268);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_process__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1708);






const lutimesSync = node_fs__WEBPACK_IMPORTED_MODULE_2__.lutimesSync;

const symbolDispose = Symbol.dispose || Symbol.for("dispose");

const isWindows = node_process__WEBPACK_IMPORTED_MODULE_3__.platform === "win32";
const isMac = node_process__WEBPACK_IMPORTED_MODULE_3__.platform === "darwin";

const nsMagnitude = 1_000_000_000_000n;
function nsToDateTime(ns) {
  const seconds = ns / nsMagnitude;
  const nanoseconds = Number(ns % seconds);
  return { seconds, nanoseconds };
}

function lookupType(obj) {
  if (obj.isFile()) return "regular-file";
  else if (obj.isSocket()) return "socket";
  else if (obj.isSymbolicLink()) return "symbolic-link";
  else if (obj.isFIFO()) return "fifo";
  else if (obj.isDirectory()) return "directory";
  else if (obj.isCharacterDevice()) return "character-device";
  else if (obj.isBlockDevice()) return "block-device";
  return "unknown";
}

// Note: This should implement per-segment semantics of openAt, but we cannot
//       currently due to the lack of support for openat() in Node.js.
//       Tracking issue: https://github.com/libuv/libuv/issues/4167

/**
 * @implements {DescriptorProps}
 */
class Descriptor {
  #hostPreopen;
  #fd;
  #finalizer;
  #mode;
  #fullPath;

  static _createPreopen(hostPreopen) {
    const descriptor = new Descriptor();
    descriptor.#hostPreopen = hostPreopen.endsWith("/")
      ? hostPreopen.slice(0, -1) || "/"
      : hostPreopen;
    // Windows requires UNC paths at minimum
    if (isWindows) {
      descriptor.#hostPreopen = descriptor.#hostPreopen.replace(/\\/g, "/");
      if (descriptor.#hostPreopen === "/") descriptor.#hostPreopen = "//";
    }
    return descriptor;
  }

  static _create(fd, mode, fullPath) {
    const descriptor = new Descriptor();
    descriptor.#fd = fd;
    descriptor.#finalizer = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .registerDispose */ .DX)(descriptor, null, fd, node_fs__WEBPACK_IMPORTED_MODULE_2__.closeSync);
    descriptor.#mode = mode;
    descriptor.#fullPath = fullPath;
    return descriptor;
  }

  [symbolDispose]() {
    if (this.#finalizer) {
      (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .earlyDispose */ .LJ)(this.#finalizer);
      this.#finalizer = null;
    }
  }

  readViaStream(offset) {
    if (this.#hostPreopen) throw "is-directory";
    return (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .inputStreamCreate */ .XK)(
      _io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILE,
      (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.INPUT_STREAM_CREATE | _io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILE, null, {
        fd: this.#fd,
        offset,
      })
    );
  }

  writeViaStream(offset) {
    if (this.#hostPreopen) throw "is-directory";
    return (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .outputStreamCreate */ .Cs)(
      _io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILE,
      (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.OUTPUT_STREAM_CREATE | _io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILE, null, { fd: this.#fd, offset })
    );
  }

  appendViaStream() {
    return this.writeViaStream(this.stat().size);
  }

  advise(_offset, _length, _advice) {
    if (this.getType() === "directory") throw "bad-descriptor";
  }

  syncData() {
    if (this.#hostPreopen) throw "invalid";
    try {
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.fdatasyncSync)(this.#fd);
    } catch (e) {
      if (e.code === "EPERM") return;
      throw convertFsError(e);
    }
  }

  getFlags() {
    return this.#mode;
  }

  getType() {
    if (this.#hostPreopen) return "directory";
    const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.fstatSync)(this.#fd);
    return lookupType(stats);
  }

  setSize(size) {
    if (this.#hostPreopen) throw "is-directory";
    try {
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.ftruncateSync)(this.#fd, Number(size));
    } catch (e) {
      if (isWindows && e.code === 'EPERM')
        throw 'access';
      throw convertFsError(e);
    }
  }

  setTimes(dataAccessTimestamp, dataModificationTimestamp) {
    if (this.#hostPreopen) throw "invalid";
    let stats;
    if (
      dataAccessTimestamp.tag === "no-change" ||
      dataModificationTimestamp.tag === "no-change"
    )
      stats = this.stat();
    const atime = this.#getNewTimestamp(
      dataAccessTimestamp,
      dataAccessTimestamp.tag === "no-change" && stats.dataAccessTimestamp
    );
    const mtime = this.#getNewTimestamp(
      dataModificationTimestamp,
      dataModificationTimestamp.tag === "no-change" &&
        stats.dataModificationTimestamp
    );
    try {
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.futimesSync)(this.#fd, atime, mtime);
    } catch (e) {
      throw convertFsError(e);
    }
  }

  #getNewTimestamp(newTimestamp, maybeNow) {
    switch (newTimestamp.tag) {
      case "no-change":
        return timestampToMs(maybeNow);
      case "now":
        return Math.floor(Date.now() / 1e3);
      case "timestamp":
        return timestampToMs(newTimestamp.val);
    }
  }

  read(length, offset) {
    if (!this.#fullPath) throw "bad-descriptor";
    const buf = new Uint8Array(Number(length));
    const bytesRead = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readSync)(
      this.#fd,
      buf,
      0,
      Number(length),
      Number(offset)
    );
    const out = new Uint8Array(buf.buffer, 0, bytesRead);
    return [out, bytesRead === 0 ? "ended" : "open"];
  }

  write(buffer, offset) {
    if (!this.#fullPath) throw "bad-descriptor";
    return BigInt(
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.writeSync)(this.#fd, buffer, 0, buffer.byteLength, Number(offset))
    );
  }

  readDirectory() {
    if (!this.#fullPath) throw "bad-descriptor";
    try {
      const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.opendirSync)(this.#fullPath);
      return directoryEntryStreamCreate(dir);
    } catch (e) {
      throw convertFsError(e);
    }
  }

  sync() {
    if (this.#hostPreopen) throw "invalid";
    try {
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.fsyncSync)(this.#fd);
    } catch (e) {
      if (e.code === "EPERM") return;
      throw convertFsError(e);
    }
  }

  createDirectoryAt(path) {
    const fullPath = this.#getFullPath(path);
    try {
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)(fullPath);
    } catch (e) {
      throw convertFsError(e);
    }
  }

  stat() {
    if (this.#hostPreopen) throw "invalid";
    let stats;
    try {
      stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.fstatSync)(this.#fd, { bigint: true });
    } catch (e) {
      throw convertFsError(e);
    }
    const type = lookupType(stats);
    return {
      type,
      linkCount: stats.nlink,
      size: stats.size,
      dataAccessTimestamp: nsToDateTime(stats.atimeNs),
      dataModificationTimestamp: nsToDateTime(stats.mtimeNs),
      statusChangeTimestamp: nsToDateTime(stats.ctimeNs),
    };
  }

  statAt(pathFlags, path) {
    const fullPath = this.#getFullPath(path, false);
    let stats;
    try {
      stats = (pathFlags.symlinkFollow ? node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync : node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(fullPath, {
        bigint: true,
      });
    } catch (e) {
      throw convertFsError(e);
    }
    const type = lookupType(stats);
    return {
      type,
      linkCount: stats.nlink,
      size: stats.size,
      dataAccessTimestamp: nsToDateTime(stats.atimeNs),
      dataModificationTimestamp: nsToDateTime(stats.mtimeNs),
      statusChangeTimestamp: nsToDateTime(stats.ctimeNs),
    };
  }

  setTimesAt(pathFlags, path, dataAccessTimestamp, dataModificationTimestamp) {
    const fullPath = this.#getFullPath(path, false);
    let stats;
    if (
      dataAccessTimestamp.tag === "no-change" ||
      dataModificationTimestamp.tag === "no-change"
    )
      stats = this.stat();
    const atime = this.#getNewTimestamp(
      dataAccessTimestamp,
      dataAccessTimestamp.tag === "no-change" && stats.dataAccessTimestamp
    );
    const mtime = this.#getNewTimestamp(
      dataModificationTimestamp,
      dataModificationTimestamp.tag === "no-change" &&
        stats.dataModificationTimestamp
    );
    if (!pathFlags.symlinkFollow && !lutimesSync){
      throw new Error("Changing the timestamps of symlinks isn't supported");
    }
    try {
      (pathFlags.symlinkFollow ? node_fs__WEBPACK_IMPORTED_MODULE_2__.utimesSync : lutimesSync)(
        fullPath,
        atime,
        mtime
      );
    } catch (e) {
      throw convertFsError(e);
    }
  }

  linkAt(oldPathFlags, oldPath, newDescriptor, newPath) {
    const oldFullPath = this.#getFullPath(oldPath, oldPathFlags.symlinkFollow);
    const newFullPath = newDescriptor.#getFullPath(newPath, false);
    // Windows doesn't automatically fail on trailing slashes
    if (isWindows && newFullPath.endsWith("/")) throw "no-entry";
    try {
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.linkSync)(oldFullPath, newFullPath);
    } catch (e) {
      throw convertFsError(e);
    }
  }

  openAt(pathFlags, path, openFlags, descriptorFlags) {
    if (preopenEntries.length === 0)
      throw "access";
    const fullPath = this.#getFullPath(path, pathFlags.symlinkFollow);
    let fsOpenFlags = 0x0;
    if (openFlags.create) fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_CREAT;
    if (openFlags.directory) fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_DIRECTORY;
    if (openFlags.exclusive) fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_EXCL;
    if (openFlags.truncate) fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_TRUNC;
    if (descriptorFlags.read && descriptorFlags.write)
      fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_RDWR;
    else if (descriptorFlags.write) fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_WRONLY;
    else if (descriptorFlags.read) fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_RDONLY;
    if (descriptorFlags.fileIntegritySync) fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_SYNC;
    if (descriptorFlags.dataIntegritySync) fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_DSYNC;
    if (!pathFlags.symlinkFollow) fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_NOFOLLOW;
    if (descriptorFlags.requestedWriteSync || descriptorFlags.mutateDirectory)
      throw "unsupported";
    // Currently throw to match Wasmtime
    if (descriptorFlags.fileIntegritySync || descriptorFlags.dataIntegritySync)
      throw "unsupported";
    if (isWindows) {
      if (!pathFlags.symlinkFollow && !openFlags.create) {
        let isSymlink = false;
        try {
          isSymlink = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(fullPath).isSymbolicLink();
        } catch {
          //
        }
        if (isSymlink) throw openFlags.directory ? "not-directory" : "loop";
      }
      if (pathFlags.symlinkFollow && openFlags.directory) {
        let isFile = false;
        try {
          isFile = !(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(fullPath).isDirectory();
        } catch {
          //
        }
        if (isFile) throw "not-directory";
      }
    }
    try {
      const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.openSync)(fullPath, fsOpenFlags);
      const descriptor = descriptorCreate(
        fd,
        descriptorFlags,
        fullPath,
        preopenEntries
      );
      if (fullPath.endsWith("/") && isWindows) {
        // check if its a directory
        if (descriptor.getType() !== "directory") {
          descriptor[symbolDispose]();
          throw "not-directory";
        }
      }
      return descriptor;
    } catch (e) {
      if (e.code === "ERR_INVALID_ARG_VALUE")
        throw isWindows ? "no-entry" : "invalid";
      throw convertFsError(e);
    }
  }

  readlinkAt(path) {
    const fullPath = this.#getFullPath(path, false);
    try {
      return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readlinkSync)(fullPath);
    } catch (e) {
      throw convertFsError(e);
    }
  }

  removeDirectoryAt(path) {
    const fullPath = this.#getFullPath(path, false);
    try {
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmdirSync)(fullPath);
    } catch (e) {
      if (isWindows && e.code === "ENOENT") throw "not-directory";
      throw convertFsError(e);
    }
  }

  renameAt(oldPath, newDescriptor, newPath) {
    const oldFullPath = this.#getFullPath(oldPath, false);
    const newFullPath = newDescriptor.#getFullPath(newPath, false);
    try {
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.renameSync)(oldFullPath, newFullPath);
    } catch (e) {
      if (isWindows && e.code === "EPERM") throw "access";
      throw convertFsError(e);
    }
  }

  symlinkAt(target, path) {
    const fullPath = this.#getFullPath(path, false);
    if (target.startsWith("/")) throw "not-permitted";
    try {
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.symlinkSync)(target, fullPath);
    } catch (e) {
      if (fullPath.endsWith("/") && e.code === "EEXIST") {
        let isDir = false;
        try {
          isDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(fullPath).isDirectory();
        } catch {
          //
        }
        if (!isDir) throw isWindows ? "no-entry" : "not-directory";
      }
      if (isWindows) {
        if (e.code === "EPERM" || e.code === "EEXIST") throw "no-entry";
      }
      throw convertFsError(e);
    }
  }

  unlinkFileAt(path) {
    const fullPath = this.#getFullPath(path, false);
    try {
      if (fullPath.endsWith("/")) {
        let isDir = false;
        try {
          isDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(fullPath).isDirectory();
        } catch {
          //
        }
        throw isDir ? (isWindows ? "access" : (isMac ? "not-permitted" : "is-directory")) : "not-directory";
      }
      (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.unlinkSync)(fullPath);
    } catch (e) {
      if (isWindows && e.code === "EPERM") throw "access";
      throw convertFsError(e);
    }
  }

  isSameObject(other) {
    return other === this;
  }

  metadataHash() {
    if (this.#hostPreopen) return { upper: 0n, lower: BigInt(this._id) };
    try {
      const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.fstatSync)(this.#fd, { bigint: true });
      return { upper: stats.mtimeNs, lower: stats.ino };
    } catch (e) {
      throw convertFsError(e);
    }
  }

  metadataHashAt(pathFlags, path) {
    const fullPath = this.#getFullPath(path, false);
    try {
      const stats = (pathFlags.symlinkFollow ? node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync : node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(fullPath, {
        bigint: true,
      });
      return { upper: stats.mtimeNs, lower: stats.ino };
    } catch (e) {
      throw convertFsError(e);
    }
  }

  // TODO: support followSymlinks
  #getFullPath(subpath, _followSymlinks) {
    let descriptor = this;
    if (subpath.indexOf("\\") !== -1) subpath = subpath.replace(/\\/g, "/");
    if (subpath.indexOf("//") !== -1) subpath = subpath.replace(/\/\/+/g, "/");
    if (subpath[0] === "/") throw "not-permitted";

    // segment resolution
    const segments = [];
    let segmentIndex = -1;
    for (let i = 0; i < subpath.length; i++) {
      // busy reading a segment - only terminate on '/'
      if (segmentIndex !== -1) {
        if (subpath[i] === "/") {
          segments.push(subpath.slice(segmentIndex, i + 1));
          segmentIndex = -1;
        }
        continue;
      }
      // new segment - check if it is relative
      else if (subpath[i] === ".") {
        // ../ segment
        if (
          subpath[i + 1] === "." &&
          (subpath[i + 2] === "/" || i + 2 === subpath.length)
        ) {
          if (segments.pop() === undefined) throw "not-permitted";
          i += 2;
          continue;
        }
        // ./ segment
        else if (subpath[i + 1] === "/" || i + 1 === subpath.length) {
          i += 1;
          continue;
        }
      }
      // it is the start of a new segment
      while (subpath[i] === "/") i++;
      segmentIndex = i;
    }
    // finish reading out the last segment
    if (segmentIndex !== -1) segments.push(subpath.slice(segmentIndex));

    subpath = segments.join("");

    if (descriptor.#hostPreopen)
      return (
        descriptor.#hostPreopen +
        (descriptor.#hostPreopen.endsWith("/")
          ? ""
          : subpath.length > 0
          ? "/"
          : "") +
        subpath
      );
    return descriptor.#fullPath + (subpath.length > 0 ? "/" : "") + subpath;
  }
}
const descriptorCreatePreopen = Descriptor._createPreopen;
delete Descriptor._createPreopen;
const descriptorCreate = Descriptor._create;
delete Descriptor._create;

class DirectoryEntryStream {
  #dir;
  #finalizer;
  readDirectoryEntry() {
    let entry;
    try {
      entry = this.#dir.readSync();
    } catch (e) {
      throw convertFsError(e);
    }
    if (entry === null) {
      return null;
    }
    const name = entry.name;
    const type = lookupType(entry);
    return { name, type };
  }
  static _create(dir) {
    const dirStream = new DirectoryEntryStream();
    dirStream.#finalizer = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .registerDispose */ .DX)(
      dirStream,
      null,
      null,
      dir.closeSync.bind(dir)
    );
    dirStream.#dir = dir;
    return dirStream;
  }
  [symbolDispose]() {
    if (this.#finalizer) {
      (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .earlyDispose */ .LJ)(this.#finalizer);
      this.#finalizer = null;
    }
  }
}
const directoryEntryStreamCreate = DirectoryEntryStream._create;
delete DirectoryEntryStream._create;

let preopenEntries = [];

const preopens = {
  Descriptor,
  getDirectories() {
    return preopenEntries;
  },
};

_addPreopen("/", isWindows ? "//" : "/");

const types = {
  Descriptor,
  DirectoryEntryStream,
  filesystemErrorCode(err) {
    return convertFsError(err.payload);
  },
};

function _setPreopens(preopens) {
  preopenEntries = [];
  for (const [virtualPath, hostPreopen] of Object.entries(preopens)) {
    _addPreopen(virtualPath, hostPreopen);
  }
}

function _addPreopen(virtualPath, hostPreopen) {
  const preopenEntry = [descriptorCreatePreopen(hostPreopen), virtualPath];
  preopenEntries.push(preopenEntry);
}

function convertFsError(e) {
  switch (e.code) {
    case "EACCES":
      return "access";
    case "EAGAIN":
    case "EWOULDBLOCK":
      return "would-block";
    case "EALREADY":
      return "already";
    case "EBADF":
      return "bad-descriptor";
    case "EBUSY":
      return "busy";
    case "EDEADLK":
      return "deadlock";
    case "EDQUOT":
      return "quota";
    case "EEXIST":
      return "exist";
    case "EFBIG":
      return "file-too-large";
    case "EILSEQ":
      return "illegal-byte-sequence";
    case "EINPROGRESS":
      return "in-progress";
    case "EINTR":
      return "interrupted";
    case "EINVAL":
      return "invalid";
    case "EIO":
      return "io";
    case "EISDIR":
      return "is-directory";
    case "ELOOP":
      return "loop";
    case "EMLINK":
      return "too-many-links";
    case "EMSGSIZE":
      return "message-size";
    case "ENAMETOOLONG":
      return "name-too-long";
    case "ENODEV":
      return "no-device";
    case "ENOENT":
      return "no-entry";
    case "ENOLCK":
      return "no-lock";
    case "ENOMEM":
      return "insufficient-memory";
    case "ENOSPC":
      return "insufficient-space";
    case "ENOTDIR":
      return "not-directory";
    case "ENOTEMPTY":
      return "not-empty";
    case "ENOTRECOVERABLE":
      return "not-recoverable";
    case "ENOTSUP":
      return "unsupported";
    case "ENOTTY":
      return "no-tty";
    // windows gives this error for badly structured `//` reads
    // this seems like a slightly better error than unknown given
    // that it's a common footgun
    case -4094:
    case "ENXIO":
      return "no-such-device";
    case "EOVERFLOW":
      return "overflow";
    case "EPERM":
      return "not-permitted";
    case "EPIPE":
      return "pipe";
    case "EROFS":
      return "read-only";
    case "ESPIPE":
      return "invalid-seek";
    case "ETXTBSY":
      return "text-file-busy";
    case "EXDEV":
      return "cross-device";
    case "UNKNOWN":
      switch (e.errno) {
        case -4094:
          return "no-such-device";
        default:
          throw e;
      }
    default:
      throw e;
  }
}

function timestampToMs(timestamp) {
  return Number(timestamp.seconds) * 1000 + timestamp.nanoseconds / 1e9;
}


/***/ }),

/***/ 67948:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   oS: () => (/* reexport safe */ _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__.oS),
/* harmony export */   z3: () => (/* reexport safe */ _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__.z3)
/* harmony export */ });
/* harmony import */ var _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7747);



/***/ }),

/***/ 49431:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K3: () => (/* binding */ parser),
/* harmony export */   tQ: () => (/* binding */ cst)
/* harmony export */ });
/* unused harmony export ast */
/* harmony import */ var _bytecodealliance_preview2_shim_cli__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8024);
/* harmony import */ var _bytecodealliance_preview2_shim_filesystem__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98447);
/* harmony import */ var _bytecodealliance_preview2_shim_io__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67948);
// @ts-nocheck




const { getEnvironment } = _bytecodealliance_preview2_shim_cli__WEBPACK_IMPORTED_MODULE_0__/* .environment */ .cA;
const { exit } = _bytecodealliance_preview2_shim_cli__WEBPACK_IMPORTED_MODULE_0__/* .exit */ .NS;
const { getStderr } = _bytecodealliance_preview2_shim_cli__WEBPACK_IMPORTED_MODULE_0__/* .stderr */ .vF;
const { getStdin } = _bytecodealliance_preview2_shim_cli__WEBPACK_IMPORTED_MODULE_0__/* .stdin */ .bX;
const { getStdout } = _bytecodealliance_preview2_shim_cli__WEBPACK_IMPORTED_MODULE_0__/* .stdout */ .Uo;
const { getDirectories } = _bytecodealliance_preview2_shim_filesystem__WEBPACK_IMPORTED_MODULE_1__/* .preopens */ .jw;
const { Descriptor,
  filesystemErrorCode } = _bytecodealliance_preview2_shim_filesystem__WEBPACK_IMPORTED_MODULE_1__/* .types */ .gK;
const { Error: Error$1 } = _bytecodealliance_preview2_shim_io__WEBPACK_IMPORTED_MODULE_2__/* .error */ .z3;
const { InputStream,
  OutputStream } = _bytecodealliance_preview2_shim_io__WEBPACK_IMPORTED_MODULE_2__/* .streams */ .oS;

let curResourceBorrows = [];

let dv = new DataView(new ArrayBuffer());
const dataView = mem => dv.buffer === mem.buffer ? dv : dv = new DataView(mem.buffer);

const emptyFunc = () => {};

const isNode = typeof process !== 'undefined' && process.versions && process.versions.node;
let _fs;
async function fetchCompile (url) {
  if (isNode) {
    _fs = _fs || await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 91943, 19));
    return WebAssembly.compile(await _fs.readFile(url));
  }
  return fetch(url).then(WebAssembly.compileStreaming);
}

function finalizationRegistryCreate (unregister) {
  if (typeof FinalizationRegistry === 'undefined') {
    return { unregister () {} };
  }
  return new FinalizationRegistry(unregister);
}

function getErrorPayload(e) {
  if (e && hasOwnProperty.call(e, 'payload')) return e.payload;
  if (e instanceof Error) throw e;
  return e;
}

const handleTables = [];

const hasOwnProperty = Object.prototype.hasOwnProperty;

const instantiateCore = WebAssembly.instantiate;

const T_FLAG = 1 << 30;

function rscTableCreateOwn (table, rep) {
  const free = table[0] & ~T_FLAG;
  if (free === 0) {
    table.push(0);
    table.push(rep | T_FLAG);
    return (table.length >> 1) - 1;
  }
  table[0] = table[free << 1];
  table[free << 1] = 0;
  table[(free << 1) + 1] = rep | T_FLAG;
  return free;
}

function rscTableRemove (table, handle) {
  const scope = table[handle << 1];
  const val = table[(handle << 1) + 1];
  const own = (val & T_FLAG) !== 0;
  const rep = val & ~T_FLAG;
  if (val === 0 || (scope & T_FLAG) !== 0) throw new TypeError('Invalid handle');
  table[handle << 1] = table[0] | T_FLAG;
  table[0] = handle | T_FLAG;
  return { rep, scope, own };
}

const symbolCabiDispose = Symbol.for('cabiDispose');

const symbolRscHandle = Symbol('handle');

const symbolRscRep = Symbol.for('cabiRep');

const symbolDispose = Symbol.dispose || Symbol.for('dispose');

const toUint64 = val => BigInt.asUintN(64, BigInt(val));

function toUint32(val) {
  return val >>> 0;
}

const utf8Decoder = new TextDecoder();

const utf8Encoder = new TextEncoder();

let utf8EncodedLen = 0;
function utf8Encode(s, realloc, memory) {
  if (typeof s !== 'string') throw new TypeError('expected a string');
  if (s.length === 0) {
    utf8EncodedLen = 0;
    return 1;
  }
  let buf = utf8Encoder.encode(s);
  let ptr = realloc(0, 0, 1, buf.length);
  new Uint8Array(memory.buffer).set(buf, ptr);
  utf8EncodedLen = buf.length;
  return ptr;
}

const nodeJSCustomInspectSymbol = Symbol.for("nodejs.util.inspect.custom");


let exports0;
let exports1;
const handleTable1 = [T_FLAG, 0];
const captureTable1= new Map();
let captureCnt1 = 0;
handleTables[1] = handleTable1;

function trampoline20() {
  const ret = getStderr();
  if (!(ret instanceof OutputStream)) {
    throw new TypeError('Resource error: Not a valid "OutputStream" resource.');
  }
  var handle0 = ret[symbolRscHandle];
  if (!handle0) {
    const rep = ret[symbolRscRep] || ++captureCnt1;
    captureTable1.set(rep, ret);
    handle0 = rscTableCreateOwn(handleTable1, rep);
  }
  return handle0;
}

function trampoline21(arg0) {
  let variant0;
  if (arg0) {
    variant0= {
      tag: 'err',
      val: undefined
    };
  } else {
    variant0= {
      tag: 'ok',
      val: undefined
    };
  }
  exit(variant0);
}
const handleTable2 = [T_FLAG, 0];
const captureTable2= new Map();
let captureCnt2 = 0;
handleTables[2] = handleTable2;

function trampoline22() {
  const ret = getStdin();
  if (!(ret instanceof InputStream)) {
    throw new TypeError('Resource error: Not a valid "InputStream" resource.');
  }
  var handle0 = ret[symbolRscHandle];
  if (!handle0) {
    const rep = ret[symbolRscRep] || ++captureCnt2;
    captureTable2.set(rep, ret);
    handle0 = rscTableCreateOwn(handleTable2, rep);
  }
  return handle0;
}

function trampoline23() {
  const ret = getStdout();
  if (!(ret instanceof OutputStream)) {
    throw new TypeError('Resource error: Not a valid "OutputStream" resource.');
  }
  var handle0 = ret[symbolRscHandle];
  if (!handle0) {
    const rep = ret[symbolRscRep] || ++captureCnt1;
    captureTable1.set(rep, ret);
    handle0 = rscTableCreateOwn(handleTable1, rep);
  }
  return handle0;
}
let exports2;
let memory0;
let realloc0;
const handleTable3 = [T_FLAG, 0];
const captureTable3= new Map();
let captureCnt3 = 0;
handleTables[3] = handleTable3;

function trampoline24(arg0) {
  const ret = getDirectories();
  var vec3 = ret;
  var len3 = vec3.length;
  var result3 = realloc0(0, 0, 4, len3 * 12);
  for (let i = 0; i < vec3.length; i++) {
    const e = vec3[i];
    const base = result3 + i * 12;var [tuple0_0, tuple0_1] = e;
    if (!(tuple0_0 instanceof Descriptor)) {
      throw new TypeError('Resource error: Not a valid "Descriptor" resource.');
    }
    var handle1 = tuple0_0[symbolRscHandle];
    if (!handle1) {
      const rep = tuple0_0[symbolRscRep] || ++captureCnt3;
      captureTable3.set(rep, tuple0_0);
      handle1 = rscTableCreateOwn(handleTable3, rep);
    }
    dataView(memory0).setInt32(base + 0, handle1, true);
    var ptr2 = utf8Encode(tuple0_1, realloc0, memory0);
    var len2 = utf8EncodedLen;
    dataView(memory0).setInt32(base + 8, len2, true);
    dataView(memory0).setInt32(base + 4, ptr2, true);
  }
  dataView(memory0).setInt32(arg0 + 4, len3, true);
  dataView(memory0).setInt32(arg0 + 0, result3, true);
}

function trampoline25(arg0, arg1, arg2) {
  var handle1 = arg0;
  var rep2 = handleTable3[(handle1 << 1) + 1] & ~T_FLAG;
  var rsc0 = captureTable3.get(rep2);
  if (!rsc0) {
    rsc0 = Object.create(Descriptor.prototype);
    Object.defineProperty(rsc0, symbolRscHandle, { writable: true, value: handle1});
    Object.defineProperty(rsc0, symbolRscRep, { writable: true, value: rep2});
  }
  curResourceBorrows.push(rsc0);
  let ret;
  try {
    ret = { tag: 'ok', val: rsc0.writeViaStream(BigInt.asUintN(64, arg1))};
  } catch (e) {
    ret = { tag: 'err', val: getErrorPayload(e) };
  }
  for (const rsc of curResourceBorrows) {
    rsc[symbolRscHandle] = null;
  }
  curResourceBorrows = [];
  var variant5 = ret;
  switch (variant5.tag) {
    case 'ok': {
      const e = variant5.val;
      dataView(memory0).setInt8(arg2 + 0, 0, true);
      if (!(e instanceof OutputStream)) {
        throw new TypeError('Resource error: Not a valid "OutputStream" resource.');
      }
      var handle3 = e[symbolRscHandle];
      if (!handle3) {
        const rep = e[symbolRscRep] || ++captureCnt1;
        captureTable1.set(rep, e);
        handle3 = rscTableCreateOwn(handleTable1, rep);
      }
      dataView(memory0).setInt32(arg2 + 4, handle3, true);
      break;
    }
    case 'err': {
      const e = variant5.val;
      dataView(memory0).setInt8(arg2 + 0, 1, true);
      var val4 = e;
      let enum4;
      switch (val4) {
        case 'access': {
          enum4 = 0;
          break;
        }
        case 'would-block': {
          enum4 = 1;
          break;
        }
        case 'already': {
          enum4 = 2;
          break;
        }
        case 'bad-descriptor': {
          enum4 = 3;
          break;
        }
        case 'busy': {
          enum4 = 4;
          break;
        }
        case 'deadlock': {
          enum4 = 5;
          break;
        }
        case 'quota': {
          enum4 = 6;
          break;
        }
        case 'exist': {
          enum4 = 7;
          break;
        }
        case 'file-too-large': {
          enum4 = 8;
          break;
        }
        case 'illegal-byte-sequence': {
          enum4 = 9;
          break;
        }
        case 'in-progress': {
          enum4 = 10;
          break;
        }
        case 'interrupted': {
          enum4 = 11;
          break;
        }
        case 'invalid': {
          enum4 = 12;
          break;
        }
        case 'io': {
          enum4 = 13;
          break;
        }
        case 'is-directory': {
          enum4 = 14;
          break;
        }
        case 'loop': {
          enum4 = 15;
          break;
        }
        case 'too-many-links': {
          enum4 = 16;
          break;
        }
        case 'message-size': {
          enum4 = 17;
          break;
        }
        case 'name-too-long': {
          enum4 = 18;
          break;
        }
        case 'no-device': {
          enum4 = 19;
          break;
        }
        case 'no-entry': {
          enum4 = 20;
          break;
        }
        case 'no-lock': {
          enum4 = 21;
          break;
        }
        case 'insufficient-memory': {
          enum4 = 22;
          break;
        }
        case 'insufficient-space': {
          enum4 = 23;
          break;
        }
        case 'not-directory': {
          enum4 = 24;
          break;
        }
        case 'not-empty': {
          enum4 = 25;
          break;
        }
        case 'not-recoverable': {
          enum4 = 26;
          break;
        }
        case 'unsupported': {
          enum4 = 27;
          break;
        }
        case 'no-tty': {
          enum4 = 28;
          break;
        }
        case 'no-such-device': {
          enum4 = 29;
          break;
        }
        case 'overflow': {
          enum4 = 30;
          break;
        }
        case 'not-permitted': {
          enum4 = 31;
          break;
        }
        case 'pipe': {
          enum4 = 32;
          break;
        }
        case 'read-only': {
          enum4 = 33;
          break;
        }
        case 'invalid-seek': {
          enum4 = 34;
          break;
        }
        case 'text-file-busy': {
          enum4 = 35;
          break;
        }
        case 'cross-device': {
          enum4 = 36;
          break;
        }
        default: {
          
          throw new TypeError(`"${val4}" is not one of the cases of error-code`);
        }
      }
      dataView(memory0).setInt8(arg2 + 4, enum4, true);
      break;
    }
    default: {
      throw new TypeError('invalid variant specified for result');
    }
  }
}

function trampoline26(arg0, arg1) {
  var handle1 = arg0;
  var rep2 = handleTable3[(handle1 << 1) + 1] & ~T_FLAG;
  var rsc0 = captureTable3.get(rep2);
  if (!rsc0) {
    rsc0 = Object.create(Descriptor.prototype);
    Object.defineProperty(rsc0, symbolRscHandle, { writable: true, value: handle1});
    Object.defineProperty(rsc0, symbolRscRep, { writable: true, value: rep2});
  }
  curResourceBorrows.push(rsc0);
  let ret;
  try {
    ret = { tag: 'ok', val: rsc0.appendViaStream()};
  } catch (e) {
    ret = { tag: 'err', val: getErrorPayload(e) };
  }
  for (const rsc of curResourceBorrows) {
    rsc[symbolRscHandle] = null;
  }
  curResourceBorrows = [];
  var variant5 = ret;
  switch (variant5.tag) {
    case 'ok': {
      const e = variant5.val;
      dataView(memory0).setInt8(arg1 + 0, 0, true);
      if (!(e instanceof OutputStream)) {
        throw new TypeError('Resource error: Not a valid "OutputStream" resource.');
      }
      var handle3 = e[symbolRscHandle];
      if (!handle3) {
        const rep = e[symbolRscRep] || ++captureCnt1;
        captureTable1.set(rep, e);
        handle3 = rscTableCreateOwn(handleTable1, rep);
      }
      dataView(memory0).setInt32(arg1 + 4, handle3, true);
      break;
    }
    case 'err': {
      const e = variant5.val;
      dataView(memory0).setInt8(arg1 + 0, 1, true);
      var val4 = e;
      let enum4;
      switch (val4) {
        case 'access': {
          enum4 = 0;
          break;
        }
        case 'would-block': {
          enum4 = 1;
          break;
        }
        case 'already': {
          enum4 = 2;
          break;
        }
        case 'bad-descriptor': {
          enum4 = 3;
          break;
        }
        case 'busy': {
          enum4 = 4;
          break;
        }
        case 'deadlock': {
          enum4 = 5;
          break;
        }
        case 'quota': {
          enum4 = 6;
          break;
        }
        case 'exist': {
          enum4 = 7;
          break;
        }
        case 'file-too-large': {
          enum4 = 8;
          break;
        }
        case 'illegal-byte-sequence': {
          enum4 = 9;
          break;
        }
        case 'in-progress': {
          enum4 = 10;
          break;
        }
        case 'interrupted': {
          enum4 = 11;
          break;
        }
        case 'invalid': {
          enum4 = 12;
          break;
        }
        case 'io': {
          enum4 = 13;
          break;
        }
        case 'is-directory': {
          enum4 = 14;
          break;
        }
        case 'loop': {
          enum4 = 15;
          break;
        }
        case 'too-many-links': {
          enum4 = 16;
          break;
        }
        case 'message-size': {
          enum4 = 17;
          break;
        }
        case 'name-too-long': {
          enum4 = 18;
          break;
        }
        case 'no-device': {
          enum4 = 19;
          break;
        }
        case 'no-entry': {
          enum4 = 20;
          break;
        }
        case 'no-lock': {
          enum4 = 21;
          break;
        }
        case 'insufficient-memory': {
          enum4 = 22;
          break;
        }
        case 'insufficient-space': {
          enum4 = 23;
          break;
        }
        case 'not-directory': {
          enum4 = 24;
          break;
        }
        case 'not-empty': {
          enum4 = 25;
          break;
        }
        case 'not-recoverable': {
          enum4 = 26;
          break;
        }
        case 'unsupported': {
          enum4 = 27;
          break;
        }
        case 'no-tty': {
          enum4 = 28;
          break;
        }
        case 'no-such-device': {
          enum4 = 29;
          break;
        }
        case 'overflow': {
          enum4 = 30;
          break;
        }
        case 'not-permitted': {
          enum4 = 31;
          break;
        }
        case 'pipe': {
          enum4 = 32;
          break;
        }
        case 'read-only': {
          enum4 = 33;
          break;
        }
        case 'invalid-seek': {
          enum4 = 34;
          break;
        }
        case 'text-file-busy': {
          enum4 = 35;
          break;
        }
        case 'cross-device': {
          enum4 = 36;
          break;
        }
        default: {
          
          throw new TypeError(`"${val4}" is not one of the cases of error-code`);
        }
      }
      dataView(memory0).setInt8(arg1 + 4, enum4, true);
      break;
    }
    default: {
      throw new TypeError('invalid variant specified for result');
    }
  }
}

function trampoline27(arg0, arg1) {
  var handle1 = arg0;
  var rep2 = handleTable3[(handle1 << 1) + 1] & ~T_FLAG;
  var rsc0 = captureTable3.get(rep2);
  if (!rsc0) {
    rsc0 = Object.create(Descriptor.prototype);
    Object.defineProperty(rsc0, symbolRscHandle, { writable: true, value: handle1});
    Object.defineProperty(rsc0, symbolRscRep, { writable: true, value: rep2});
  }
  curResourceBorrows.push(rsc0);
  let ret;
  try {
    ret = { tag: 'ok', val: rsc0.getType()};
  } catch (e) {
    ret = { tag: 'err', val: getErrorPayload(e) };
  }
  for (const rsc of curResourceBorrows) {
    rsc[symbolRscHandle] = null;
  }
  curResourceBorrows = [];
  var variant5 = ret;
  switch (variant5.tag) {
    case 'ok': {
      const e = variant5.val;
      dataView(memory0).setInt8(arg1 + 0, 0, true);
      var val3 = e;
      let enum3;
      switch (val3) {
        case 'unknown': {
          enum3 = 0;
          break;
        }
        case 'block-device': {
          enum3 = 1;
          break;
        }
        case 'character-device': {
          enum3 = 2;
          break;
        }
        case 'directory': {
          enum3 = 3;
          break;
        }
        case 'fifo': {
          enum3 = 4;
          break;
        }
        case 'symbolic-link': {
          enum3 = 5;
          break;
        }
        case 'regular-file': {
          enum3 = 6;
          break;
        }
        case 'socket': {
          enum3 = 7;
          break;
        }
        default: {
          
          throw new TypeError(`"${val3}" is not one of the cases of descriptor-type`);
        }
      }
      dataView(memory0).setInt8(arg1 + 1, enum3, true);
      break;
    }
    case 'err': {
      const e = variant5.val;
      dataView(memory0).setInt8(arg1 + 0, 1, true);
      var val4 = e;
      let enum4;
      switch (val4) {
        case 'access': {
          enum4 = 0;
          break;
        }
        case 'would-block': {
          enum4 = 1;
          break;
        }
        case 'already': {
          enum4 = 2;
          break;
        }
        case 'bad-descriptor': {
          enum4 = 3;
          break;
        }
        case 'busy': {
          enum4 = 4;
          break;
        }
        case 'deadlock': {
          enum4 = 5;
          break;
        }
        case 'quota': {
          enum4 = 6;
          break;
        }
        case 'exist': {
          enum4 = 7;
          break;
        }
        case 'file-too-large': {
          enum4 = 8;
          break;
        }
        case 'illegal-byte-sequence': {
          enum4 = 9;
          break;
        }
        case 'in-progress': {
          enum4 = 10;
          break;
        }
        case 'interrupted': {
          enum4 = 11;
          break;
        }
        case 'invalid': {
          enum4 = 12;
          break;
        }
        case 'io': {
          enum4 = 13;
          break;
        }
        case 'is-directory': {
          enum4 = 14;
          break;
        }
        case 'loop': {
          enum4 = 15;
          break;
        }
        case 'too-many-links': {
          enum4 = 16;
          break;
        }
        case 'message-size': {
          enum4 = 17;
          break;
        }
        case 'name-too-long': {
          enum4 = 18;
          break;
        }
        case 'no-device': {
          enum4 = 19;
          break;
        }
        case 'no-entry': {
          enum4 = 20;
          break;
        }
        case 'no-lock': {
          enum4 = 21;
          break;
        }
        case 'insufficient-memory': {
          enum4 = 22;
          break;
        }
        case 'insufficient-space': {
          enum4 = 23;
          break;
        }
        case 'not-directory': {
          enum4 = 24;
          break;
        }
        case 'not-empty': {
          enum4 = 25;
          break;
        }
        case 'not-recoverable': {
          enum4 = 26;
          break;
        }
        case 'unsupported': {
          enum4 = 27;
          break;
        }
        case 'no-tty': {
          enum4 = 28;
          break;
        }
        case 'no-such-device': {
          enum4 = 29;
          break;
        }
        case 'overflow': {
          enum4 = 30;
          break;
        }
        case 'not-permitted': {
          enum4 = 31;
          break;
        }
        case 'pipe': {
          enum4 = 32;
          break;
        }
        case 'read-only': {
          enum4 = 33;
          break;
        }
        case 'invalid-seek': {
          enum4 = 34;
          break;
        }
        case 'text-file-busy': {
          enum4 = 35;
          break;
        }
        case 'cross-device': {
          enum4 = 36;
          break;
        }
        default: {
          
          throw new TypeError(`"${val4}" is not one of the cases of error-code`);
        }
      }
      dataView(memory0).setInt8(arg1 + 1, enum4, true);
      break;
    }
    default: {
      throw new TypeError('invalid variant specified for result');
    }
  }
}

function trampoline28(arg0, arg1) {
  var handle1 = arg0;
  var rep2 = handleTable3[(handle1 << 1) + 1] & ~T_FLAG;
  var rsc0 = captureTable3.get(rep2);
  if (!rsc0) {
    rsc0 = Object.create(Descriptor.prototype);
    Object.defineProperty(rsc0, symbolRscHandle, { writable: true, value: handle1});
    Object.defineProperty(rsc0, symbolRscRep, { writable: true, value: rep2});
  }
  curResourceBorrows.push(rsc0);
  let ret;
  try {
    ret = { tag: 'ok', val: rsc0.stat()};
  } catch (e) {
    ret = { tag: 'err', val: getErrorPayload(e) };
  }
  for (const rsc of curResourceBorrows) {
    rsc[symbolRscHandle] = null;
  }
  curResourceBorrows = [];
  var variant12 = ret;
  switch (variant12.tag) {
    case 'ok': {
      const e = variant12.val;
      dataView(memory0).setInt8(arg1 + 0, 0, true);
      var {type: v3_0, linkCount: v3_1, size: v3_2, dataAccessTimestamp: v3_3, dataModificationTimestamp: v3_4, statusChangeTimestamp: v3_5 } = e;
      var val4 = v3_0;
      let enum4;
      switch (val4) {
        case 'unknown': {
          enum4 = 0;
          break;
        }
        case 'block-device': {
          enum4 = 1;
          break;
        }
        case 'character-device': {
          enum4 = 2;
          break;
        }
        case 'directory': {
          enum4 = 3;
          break;
        }
        case 'fifo': {
          enum4 = 4;
          break;
        }
        case 'symbolic-link': {
          enum4 = 5;
          break;
        }
        case 'regular-file': {
          enum4 = 6;
          break;
        }
        case 'socket': {
          enum4 = 7;
          break;
        }
        default: {
          
          throw new TypeError(`"${val4}" is not one of the cases of descriptor-type`);
        }
      }
      dataView(memory0).setInt8(arg1 + 8, enum4, true);
      dataView(memory0).setBigInt64(arg1 + 16, toUint64(v3_1), true);
      dataView(memory0).setBigInt64(arg1 + 24, toUint64(v3_2), true);
      var variant6 = v3_3;
      if (variant6 === null || variant6=== undefined) {
        dataView(memory0).setInt8(arg1 + 32, 0, true);
      } else {
        const e = variant6;
        dataView(memory0).setInt8(arg1 + 32, 1, true);
        var {seconds: v5_0, nanoseconds: v5_1 } = e;
        dataView(memory0).setBigInt64(arg1 + 40, toUint64(v5_0), true);
        dataView(memory0).setInt32(arg1 + 48, toUint32(v5_1), true);
      }
      var variant8 = v3_4;
      if (variant8 === null || variant8=== undefined) {
        dataView(memory0).setInt8(arg1 + 56, 0, true);
      } else {
        const e = variant8;
        dataView(memory0).setInt8(arg1 + 56, 1, true);
        var {seconds: v7_0, nanoseconds: v7_1 } = e;
        dataView(memory0).setBigInt64(arg1 + 64, toUint64(v7_0), true);
        dataView(memory0).setInt32(arg1 + 72, toUint32(v7_1), true);
      }
      var variant10 = v3_5;
      if (variant10 === null || variant10=== undefined) {
        dataView(memory0).setInt8(arg1 + 80, 0, true);
      } else {
        const e = variant10;
        dataView(memory0).setInt8(arg1 + 80, 1, true);
        var {seconds: v9_0, nanoseconds: v9_1 } = e;
        dataView(memory0).setBigInt64(arg1 + 88, toUint64(v9_0), true);
        dataView(memory0).setInt32(arg1 + 96, toUint32(v9_1), true);
      }
      break;
    }
    case 'err': {
      const e = variant12.val;
      dataView(memory0).setInt8(arg1 + 0, 1, true);
      var val11 = e;
      let enum11;
      switch (val11) {
        case 'access': {
          enum11 = 0;
          break;
        }
        case 'would-block': {
          enum11 = 1;
          break;
        }
        case 'already': {
          enum11 = 2;
          break;
        }
        case 'bad-descriptor': {
          enum11 = 3;
          break;
        }
        case 'busy': {
          enum11 = 4;
          break;
        }
        case 'deadlock': {
          enum11 = 5;
          break;
        }
        case 'quota': {
          enum11 = 6;
          break;
        }
        case 'exist': {
          enum11 = 7;
          break;
        }
        case 'file-too-large': {
          enum11 = 8;
          break;
        }
        case 'illegal-byte-sequence': {
          enum11 = 9;
          break;
        }
        case 'in-progress': {
          enum11 = 10;
          break;
        }
        case 'interrupted': {
          enum11 = 11;
          break;
        }
        case 'invalid': {
          enum11 = 12;
          break;
        }
        case 'io': {
          enum11 = 13;
          break;
        }
        case 'is-directory': {
          enum11 = 14;
          break;
        }
        case 'loop': {
          enum11 = 15;
          break;
        }
        case 'too-many-links': {
          enum11 = 16;
          break;
        }
        case 'message-size': {
          enum11 = 17;
          break;
        }
        case 'name-too-long': {
          enum11 = 18;
          break;
        }
        case 'no-device': {
          enum11 = 19;
          break;
        }
        case 'no-entry': {
          enum11 = 20;
          break;
        }
        case 'no-lock': {
          enum11 = 21;
          break;
        }
        case 'insufficient-memory': {
          enum11 = 22;
          break;
        }
        case 'insufficient-space': {
          enum11 = 23;
          break;
        }
        case 'not-directory': {
          enum11 = 24;
          break;
        }
        case 'not-empty': {
          enum11 = 25;
          break;
        }
        case 'not-recoverable': {
          enum11 = 26;
          break;
        }
        case 'unsupported': {
          enum11 = 27;
          break;
        }
        case 'no-tty': {
          enum11 = 28;
          break;
        }
        case 'no-such-device': {
          enum11 = 29;
          break;
        }
        case 'overflow': {
          enum11 = 30;
          break;
        }
        case 'not-permitted': {
          enum11 = 31;
          break;
        }
        case 'pipe': {
          enum11 = 32;
          break;
        }
        case 'read-only': {
          enum11 = 33;
          break;
        }
        case 'invalid-seek': {
          enum11 = 34;
          break;
        }
        case 'text-file-busy': {
          enum11 = 35;
          break;
        }
        case 'cross-device': {
          enum11 = 36;
          break;
        }
        default: {
          
          throw new TypeError(`"${val11}" is not one of the cases of error-code`);
        }
      }
      dataView(memory0).setInt8(arg1 + 8, enum11, true);
      break;
    }
    default: {
      throw new TypeError('invalid variant specified for result');
    }
  }
}
const handleTable0 = [T_FLAG, 0];
const captureTable0= new Map();
let captureCnt0 = 0;
handleTables[0] = handleTable0;

function trampoline29(arg0, arg1) {
  var handle1 = arg0;
  var rep2 = handleTable0[(handle1 << 1) + 1] & ~T_FLAG;
  var rsc0 = captureTable0.get(rep2);
  if (!rsc0) {
    rsc0 = Object.create(Error$1.prototype);
    Object.defineProperty(rsc0, symbolRscHandle, { writable: true, value: handle1});
    Object.defineProperty(rsc0, symbolRscRep, { writable: true, value: rep2});
  }
  curResourceBorrows.push(rsc0);
  const ret = filesystemErrorCode(rsc0);
  for (const rsc of curResourceBorrows) {
    rsc[symbolRscHandle] = null;
  }
  curResourceBorrows = [];
  var variant4 = ret;
  if (variant4 === null || variant4=== undefined) {
    dataView(memory0).setInt8(arg1 + 0, 0, true);
  } else {
    const e = variant4;
    dataView(memory0).setInt8(arg1 + 0, 1, true);
    var val3 = e;
    let enum3;
    switch (val3) {
      case 'access': {
        enum3 = 0;
        break;
      }
      case 'would-block': {
        enum3 = 1;
        break;
      }
      case 'already': {
        enum3 = 2;
        break;
      }
      case 'bad-descriptor': {
        enum3 = 3;
        break;
      }
      case 'busy': {
        enum3 = 4;
        break;
      }
      case 'deadlock': {
        enum3 = 5;
        break;
      }
      case 'quota': {
        enum3 = 6;
        break;
      }
      case 'exist': {
        enum3 = 7;
        break;
      }
      case 'file-too-large': {
        enum3 = 8;
        break;
      }
      case 'illegal-byte-sequence': {
        enum3 = 9;
        break;
      }
      case 'in-progress': {
        enum3 = 10;
        break;
      }
      case 'interrupted': {
        enum3 = 11;
        break;
      }
      case 'invalid': {
        enum3 = 12;
        break;
      }
      case 'io': {
        enum3 = 13;
        break;
      }
      case 'is-directory': {
        enum3 = 14;
        break;
      }
      case 'loop': {
        enum3 = 15;
        break;
      }
      case 'too-many-links': {
        enum3 = 16;
        break;
      }
      case 'message-size': {
        enum3 = 17;
        break;
      }
      case 'name-too-long': {
        enum3 = 18;
        break;
      }
      case 'no-device': {
        enum3 = 19;
        break;
      }
      case 'no-entry': {
        enum3 = 20;
        break;
      }
      case 'no-lock': {
        enum3 = 21;
        break;
      }
      case 'insufficient-memory': {
        enum3 = 22;
        break;
      }
      case 'insufficient-space': {
        enum3 = 23;
        break;
      }
      case 'not-directory': {
        enum3 = 24;
        break;
      }
      case 'not-empty': {
        enum3 = 25;
        break;
      }
      case 'not-recoverable': {
        enum3 = 26;
        break;
      }
      case 'unsupported': {
        enum3 = 27;
        break;
      }
      case 'no-tty': {
        enum3 = 28;
        break;
      }
      case 'no-such-device': {
        enum3 = 29;
        break;
      }
      case 'overflow': {
        enum3 = 30;
        break;
      }
      case 'not-permitted': {
        enum3 = 31;
        break;
      }
      case 'pipe': {
        enum3 = 32;
        break;
      }
      case 'read-only': {
        enum3 = 33;
        break;
      }
      case 'invalid-seek': {
        enum3 = 34;
        break;
      }
      case 'text-file-busy': {
        enum3 = 35;
        break;
      }
      case 'cross-device': {
        enum3 = 36;
        break;
      }
      default: {
        
        throw new TypeError(`"${val3}" is not one of the cases of error-code`);
      }
    }
    dataView(memory0).setInt8(arg1 + 1, enum3, true);
  }
}

function trampoline30(arg0, arg1) {
  var handle1 = arg0;
  var rep2 = handleTable1[(handle1 << 1) + 1] & ~T_FLAG;
  var rsc0 = captureTable1.get(rep2);
  if (!rsc0) {
    rsc0 = Object.create(OutputStream.prototype);
    Object.defineProperty(rsc0, symbolRscHandle, { writable: true, value: handle1});
    Object.defineProperty(rsc0, symbolRscRep, { writable: true, value: rep2});
  }
  curResourceBorrows.push(rsc0);
  let ret;
  try {
    ret = { tag: 'ok', val: rsc0.checkWrite()};
  } catch (e) {
    ret = { tag: 'err', val: getErrorPayload(e) };
  }
  for (const rsc of curResourceBorrows) {
    rsc[symbolRscHandle] = null;
  }
  curResourceBorrows = [];
  var variant5 = ret;
  switch (variant5.tag) {
    case 'ok': {
      const e = variant5.val;
      dataView(memory0).setInt8(arg1 + 0, 0, true);
      dataView(memory0).setBigInt64(arg1 + 8, toUint64(e), true);
      break;
    }
    case 'err': {
      const e = variant5.val;
      dataView(memory0).setInt8(arg1 + 0, 1, true);
      var variant4 = e;
      switch (variant4.tag) {
        case 'last-operation-failed': {
          const e = variant4.val;
          dataView(memory0).setInt8(arg1 + 8, 0, true);
          if (!(e instanceof Error$1)) {
            throw new TypeError('Resource error: Not a valid "Error" resource.');
          }
          var handle3 = e[symbolRscHandle];
          if (!handle3) {
            const rep = e[symbolRscRep] || ++captureCnt0;
            captureTable0.set(rep, e);
            handle3 = rscTableCreateOwn(handleTable0, rep);
          }
          dataView(memory0).setInt32(arg1 + 12, handle3, true);
          break;
        }
        case 'closed': {
          dataView(memory0).setInt8(arg1 + 8, 1, true);
          break;
        }
        default: {
          throw new TypeError(`invalid variant tag value \`${JSON.stringify(variant4.tag)}\` (received \`${variant4}\`) specified for \`StreamError\``);
        }
      }
      break;
    }
    default: {
      throw new TypeError('invalid variant specified for result');
    }
  }
}

function trampoline31(arg0, arg1, arg2, arg3) {
  var handle1 = arg0;
  var rep2 = handleTable1[(handle1 << 1) + 1] & ~T_FLAG;
  var rsc0 = captureTable1.get(rep2);
  if (!rsc0) {
    rsc0 = Object.create(OutputStream.prototype);
    Object.defineProperty(rsc0, symbolRscHandle, { writable: true, value: handle1});
    Object.defineProperty(rsc0, symbolRscRep, { writable: true, value: rep2});
  }
  curResourceBorrows.push(rsc0);
  var ptr3 = arg1;
  var len3 = arg2;
  var result3 = new Uint8Array(memory0.buffer.slice(ptr3, ptr3 + len3 * 1));
  let ret;
  try {
    ret = { tag: 'ok', val: rsc0.write(result3)};
  } catch (e) {
    ret = { tag: 'err', val: getErrorPayload(e) };
  }
  for (const rsc of curResourceBorrows) {
    rsc[symbolRscHandle] = null;
  }
  curResourceBorrows = [];
  var variant6 = ret;
  switch (variant6.tag) {
    case 'ok': {
      const e = variant6.val;
      dataView(memory0).setInt8(arg3 + 0, 0, true);
      break;
    }
    case 'err': {
      const e = variant6.val;
      dataView(memory0).setInt8(arg3 + 0, 1, true);
      var variant5 = e;
      switch (variant5.tag) {
        case 'last-operation-failed': {
          const e = variant5.val;
          dataView(memory0).setInt8(arg3 + 4, 0, true);
          if (!(e instanceof Error$1)) {
            throw new TypeError('Resource error: Not a valid "Error" resource.');
          }
          var handle4 = e[symbolRscHandle];
          if (!handle4) {
            const rep = e[symbolRscRep] || ++captureCnt0;
            captureTable0.set(rep, e);
            handle4 = rscTableCreateOwn(handleTable0, rep);
          }
          dataView(memory0).setInt32(arg3 + 8, handle4, true);
          break;
        }
        case 'closed': {
          dataView(memory0).setInt8(arg3 + 4, 1, true);
          break;
        }
        default: {
          throw new TypeError(`invalid variant tag value \`${JSON.stringify(variant5.tag)}\` (received \`${variant5}\`) specified for \`StreamError\``);
        }
      }
      break;
    }
    default: {
      throw new TypeError('invalid variant specified for result');
    }
  }
}

function trampoline32(arg0, arg1, arg2, arg3) {
  var handle1 = arg0;
  var rep2 = handleTable1[(handle1 << 1) + 1] & ~T_FLAG;
  var rsc0 = captureTable1.get(rep2);
  if (!rsc0) {
    rsc0 = Object.create(OutputStream.prototype);
    Object.defineProperty(rsc0, symbolRscHandle, { writable: true, value: handle1});
    Object.defineProperty(rsc0, symbolRscRep, { writable: true, value: rep2});
  }
  curResourceBorrows.push(rsc0);
  var ptr3 = arg1;
  var len3 = arg2;
  var result3 = new Uint8Array(memory0.buffer.slice(ptr3, ptr3 + len3 * 1));
  let ret;
  try {
    ret = { tag: 'ok', val: rsc0.blockingWriteAndFlush(result3)};
  } catch (e) {
    ret = { tag: 'err', val: getErrorPayload(e) };
  }
  for (const rsc of curResourceBorrows) {
    rsc[symbolRscHandle] = null;
  }
  curResourceBorrows = [];
  var variant6 = ret;
  switch (variant6.tag) {
    case 'ok': {
      const e = variant6.val;
      dataView(memory0).setInt8(arg3 + 0, 0, true);
      break;
    }
    case 'err': {
      const e = variant6.val;
      dataView(memory0).setInt8(arg3 + 0, 1, true);
      var variant5 = e;
      switch (variant5.tag) {
        case 'last-operation-failed': {
          const e = variant5.val;
          dataView(memory0).setInt8(arg3 + 4, 0, true);
          if (!(e instanceof Error$1)) {
            throw new TypeError('Resource error: Not a valid "Error" resource.');
          }
          var handle4 = e[symbolRscHandle];
          if (!handle4) {
            const rep = e[symbolRscRep] || ++captureCnt0;
            captureTable0.set(rep, e);
            handle4 = rscTableCreateOwn(handleTable0, rep);
          }
          dataView(memory0).setInt32(arg3 + 8, handle4, true);
          break;
        }
        case 'closed': {
          dataView(memory0).setInt8(arg3 + 4, 1, true);
          break;
        }
        default: {
          throw new TypeError(`invalid variant tag value \`${JSON.stringify(variant5.tag)}\` (received \`${variant5}\`) specified for \`StreamError\``);
        }
      }
      break;
    }
    default: {
      throw new TypeError('invalid variant specified for result');
    }
  }
}

function trampoline33(arg0, arg1) {
  var handle1 = arg0;
  var rep2 = handleTable1[(handle1 << 1) + 1] & ~T_FLAG;
  var rsc0 = captureTable1.get(rep2);
  if (!rsc0) {
    rsc0 = Object.create(OutputStream.prototype);
    Object.defineProperty(rsc0, symbolRscHandle, { writable: true, value: handle1});
    Object.defineProperty(rsc0, symbolRscRep, { writable: true, value: rep2});
  }
  curResourceBorrows.push(rsc0);
  let ret;
  try {
    ret = { tag: 'ok', val: rsc0.blockingFlush()};
  } catch (e) {
    ret = { tag: 'err', val: getErrorPayload(e) };
  }
  for (const rsc of curResourceBorrows) {
    rsc[symbolRscHandle] = null;
  }
  curResourceBorrows = [];
  var variant5 = ret;
  switch (variant5.tag) {
    case 'ok': {
      const e = variant5.val;
      dataView(memory0).setInt8(arg1 + 0, 0, true);
      break;
    }
    case 'err': {
      const e = variant5.val;
      dataView(memory0).setInt8(arg1 + 0, 1, true);
      var variant4 = e;
      switch (variant4.tag) {
        case 'last-operation-failed': {
          const e = variant4.val;
          dataView(memory0).setInt8(arg1 + 4, 0, true);
          if (!(e instanceof Error$1)) {
            throw new TypeError('Resource error: Not a valid "Error" resource.');
          }
          var handle3 = e[symbolRscHandle];
          if (!handle3) {
            const rep = e[symbolRscRep] || ++captureCnt0;
            captureTable0.set(rep, e);
            handle3 = rscTableCreateOwn(handleTable0, rep);
          }
          dataView(memory0).setInt32(arg1 + 8, handle3, true);
          break;
        }
        case 'closed': {
          dataView(memory0).setInt8(arg1 + 4, 1, true);
          break;
        }
        default: {
          throw new TypeError(`invalid variant tag value \`${JSON.stringify(variant4.tag)}\` (received \`${variant4}\`) specified for \`StreamError\``);
        }
      }
      break;
    }
    default: {
      throw new TypeError('invalid variant specified for result');
    }
  }
}

function trampoline34(arg0) {
  const ret = getEnvironment();
  var vec3 = ret;
  var len3 = vec3.length;
  var result3 = realloc0(0, 0, 4, len3 * 16);
  for (let i = 0; i < vec3.length; i++) {
    const e = vec3[i];
    const base = result3 + i * 16;var [tuple0_0, tuple0_1] = e;
    var ptr1 = utf8Encode(tuple0_0, realloc0, memory0);
    var len1 = utf8EncodedLen;
    dataView(memory0).setInt32(base + 4, len1, true);
    dataView(memory0).setInt32(base + 0, ptr1, true);
    var ptr2 = utf8Encode(tuple0_1, realloc0, memory0);
    var len2 = utf8EncodedLen;
    dataView(memory0).setInt32(base + 12, len2, true);
    dataView(memory0).setInt32(base + 8, ptr2, true);
  }
  dataView(memory0).setInt32(arg0 + 4, len3, true);
  dataView(memory0).setInt32(arg0 + 0, result3, true);
}
let exports3;
let postReturn0;
let postReturn1;
let postReturn2;
let realloc1;
let postReturn3;
let postReturn4;
let postReturn5;
let postReturn6;
let postReturn7;
let postReturn8;
const handleTable4 = [T_FLAG, 0];
const finalizationRegistry4 = finalizationRegistryCreate((handle) => {
  const { rep } = rscTableRemove(handleTable4, handle);
  exports0['16'](rep);
});

handleTables[4] = handleTable4;
const trampoline0 = rscTableCreateOwn.bind(null, handleTable4);
const handleTable5 = [T_FLAG, 0];
const finalizationRegistry5 = finalizationRegistryCreate((handle) => {
  const { rep } = rscTableRemove(handleTable5, handle);
  exports0['17'](rep);
});

handleTables[5] = handleTable5;
const trampoline1 = rscTableCreateOwn.bind(null, handleTable5);
const handleTable6 = [T_FLAG, 0];
const finalizationRegistry6 = finalizationRegistryCreate((handle) => {
  const { rep } = rscTableRemove(handleTable6, handle);
  exports0['18'](rep);
});

handleTables[6] = handleTable6;
const trampoline2 = rscTableCreateOwn.bind(null, handleTable6);
function trampoline3(handle) {
  const handleEntry = rscTableRemove(handleTable4, handle);
  if (handleEntry.own) {
    
    exports0['16'](handleEntry.rep);
  }
}
function trampoline4(handle) {
  const handleEntry = rscTableRemove(handleTable5, handle);
  if (handleEntry.own) {
    
    exports0['17'](handleEntry.rep);
  }
}
function trampoline5(handle) {
  const handleEntry = rscTableRemove(handleTable6, handle);
  if (handleEntry.own) {
    
    exports0['18'](handleEntry.rep);
  }
}
const handleTable8 = [T_FLAG, 0];
const finalizationRegistry8 = finalizationRegistryCreate((handle) => {
  const { rep } = rscTableRemove(handleTable8, handle);
  exports0['20'](rep);
});

handleTables[8] = handleTable8;
const trampoline6 = rscTableCreateOwn.bind(null, handleTable8);
function trampoline7(handle) {
  const handleEntry = rscTableRemove(handleTable8, handle);
  if (handleEntry.own) {
    
    exports0['20'](handleEntry.rep);
  }
}
const handleTable7 = [T_FLAG, 0];
const finalizationRegistry7 = finalizationRegistryCreate((handle) => {
  const { rep } = rscTableRemove(handleTable7, handle);
  exports0['19'](rep);
});

handleTables[7] = handleTable7;
const trampoline8 = rscTableCreateOwn.bind(null, handleTable7);
function trampoline9(handle) {
  const handleEntry = rscTableRemove(handleTable7, handle);
  if (handleEntry.own) {
    
    exports0['19'](handleEntry.rep);
  }
}
const handleTable9 = [T_FLAG, 0];
const finalizationRegistry9 = finalizationRegistryCreate((handle) => {
  const { rep } = rscTableRemove(handleTable9, handle);
  exports0['22'](rep);
});

handleTables[9] = handleTable9;
const trampoline10 = rscTableCreateOwn.bind(null, handleTable9);
function trampoline11(handle) {
  const handleEntry = rscTableRemove(handleTable9, handle);
  if (handleEntry.own) {
    
    exports0['22'](handleEntry.rep);
  }
}
const handleTable11 = [T_FLAG, 0];
const finalizationRegistry11 = finalizationRegistryCreate((handle) => {
  const { rep } = rscTableRemove(handleTable11, handle);
  exports0['24'](rep);
});

handleTables[11] = handleTable11;
const trampoline12 = rscTableCreateOwn.bind(null, handleTable11);
function trampoline13(handle) {
  const handleEntry = rscTableRemove(handleTable11, handle);
  if (handleEntry.own) {
    
    exports0['24'](handleEntry.rep);
  }
}
const handleTable10 = [T_FLAG, 0];
const finalizationRegistry10 = finalizationRegistryCreate((handle) => {
  const { rep } = rscTableRemove(handleTable10, handle);
  exports0['23'](rep);
});

handleTables[10] = handleTable10;
const trampoline14 = rscTableCreateOwn.bind(null, handleTable10);
function trampoline15(handle) {
  const handleEntry = rscTableRemove(handleTable10, handle);
  if (handleEntry.own) {
    
    exports0['23'](handleEntry.rep);
  }
}
function trampoline16(handle) {
  const handleEntry = rscTableRemove(handleTable0, handle);
  if (handleEntry.own) {
    
    const rsc = captureTable0.get(handleEntry.rep);
    if (rsc) {
      if (rsc[symbolDispose]) rsc[symbolDispose]();
      captureTable0.delete(handleEntry.rep);
    } else if (Error$1[symbolCabiDispose]) {
      Error$1[symbolCabiDispose](handleEntry.rep);
    }
  }
}
function trampoline17(handle) {
  const handleEntry = rscTableRemove(handleTable2, handle);
  if (handleEntry.own) {
    
    const rsc = captureTable2.get(handleEntry.rep);
    if (rsc) {
      if (rsc[symbolDispose]) rsc[symbolDispose]();
      captureTable2.delete(handleEntry.rep);
    } else if (InputStream[symbolCabiDispose]) {
      InputStream[symbolCabiDispose](handleEntry.rep);
    }
  }
}
function trampoline18(handle) {
  const handleEntry = rscTableRemove(handleTable1, handle);
  if (handleEntry.own) {
    
    const rsc = captureTable1.get(handleEntry.rep);
    if (rsc) {
      if (rsc[symbolDispose]) rsc[symbolDispose]();
      captureTable1.delete(handleEntry.rep);
    } else if (OutputStream[symbolCabiDispose]) {
      OutputStream[symbolCabiDispose](handleEntry.rep);
    }
  }
}
function trampoline19(handle) {
  const handleEntry = rscTableRemove(handleTable3, handle);
  if (handleEntry.own) {
    
    const rsc = captureTable3.get(handleEntry.rep);
    if (rsc) {
      if (rsc[symbolDispose]) rsc[symbolDispose]();
      captureTable3.delete(handleEntry.rep);
    } else if (Descriptor[symbolCabiDispose]) {
      Descriptor[symbolCabiDispose](handleEntry.rep);
    }
  }
}

class TerminalKindExtensions{
  constructor () {
    throw new Error('"TerminalKindExtensions" resource does not define a constructor');
  }
}

TerminalKindExtensions.isTrivia = function isTrivia(arg0) {
  const ret = exports1['nomic-foundation:slang/cst#[static]terminal-kind-extensions.is-trivia'](terminalKindCABI[arg0]);
  var bool0 = ret;
  return !!bool0;
};

TerminalKindExtensions.isValid = function isValid(arg0) {
  const ret = exports1['nomic-foundation:slang/cst#[static]terminal-kind-extensions.is-valid'](terminalKindCABI[arg0]);
  var bool0 = ret;
  return !!bool0;
};

class NonterminalNode{
  constructor () {
    throw new Error('"NonterminalNode" resource does not define a constructor');
  }
}

NonterminalNode.prototype[nodeJSCustomInspectSymbol] = function(depth, options, inspect) {
  const original = Object.getPrototypeOf(this)[nodeJSCustomInspectSymbol];
  
  try {
    // Temporarily remove the custom inspect form the object's prototype to avoid infinite recursion:
    delete Object.getPrototypeOf(this)[nodeJSCustomInspectSymbol];
    
    return inspect(this, {
      ...options,
      depth,
      getters: true,
      showHidden: true,
    });
  } finally {
    Object.getPrototypeOf(this)[nodeJSCustomInspectSymbol] = original;
  }
}


Object.defineProperty(NonterminalNode.prototype, "id", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]nonterminal-node.id'](handle0);
  return ret >>> 0;
}});

Object.defineProperty(NonterminalNode.prototype, "kind", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]nonterminal-node.kind'](handle0);
  return nonterminalKindCABI[ret];
}});

Object.defineProperty(NonterminalNode.prototype, "textLength", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]nonterminal-node.text-length'](handle0);
  return {
    utf8: dataView(memory0).getInt32(ret + 0, true) >>> 0,
    utf16: dataView(memory0).getInt32(ret + 4, true) >>> 0,
    line: dataView(memory0).getInt32(ret + 8, true) >>> 0,
    column: dataView(memory0).getInt32(ret + 12, true) >>> 0,
  };
}});

Object.defineProperty(NonterminalNode.prototype, "children", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]nonterminal-node.children'](handle0);
  var len8 = dataView(memory0).getInt32(ret + 4, true);
  var base8 = dataView(memory0).getInt32(ret + 0, true);
  var result8 = [];
  for (let i = 0; i < len8; i++) {
    const base = base8 + i * 12;
    let variant2;
    if (dataView(memory0).getUint8(base + 0, true)) {
      variant2 = edgeLabelCABI[dataView(memory0).getUint8(base + 1, true)];
    } else {
      variant2 = undefined;
    }
    let variant7;
    switch (dataView(memory0).getUint8(base + 4, true)) {
      case 0: {
        var handle4 = dataView(memory0).getInt32(base + 8, true);
        var rsc3 = new.target === NonterminalNode ? this : Object.create(NonterminalNode.prototype);
        Object.defineProperty(rsc3, symbolRscHandle, { writable: true, value: handle4});
        finalizationRegistry4.register(rsc3, handle4, rsc3);
        Object.defineProperty(rsc3, symbolDispose, { writable: true, value: function () {
          finalizationRegistry4.unregister(rsc3);
          rscTableRemove(handleTable4, handle4);
          rsc3[symbolDispose] = emptyFunc;
          rsc3[symbolRscHandle] = null;
          exports0['16'](handleTable4[(handle4 << 1) + 1] & ~T_FLAG);
        }});
        variant7 = rsc3;
        break;
      }
      case 1: {
        var handle6 = dataView(memory0).getInt32(base + 8, true);
        var rsc5 = new.target === TerminalNode ? this : Object.create(TerminalNode.prototype);
        Object.defineProperty(rsc5, symbolRscHandle, { writable: true, value: handle6});
        finalizationRegistry5.register(rsc5, handle6, rsc5);
        Object.defineProperty(rsc5, symbolDispose, { writable: true, value: function () {
          finalizationRegistry5.unregister(rsc5);
          rscTableRemove(handleTable5, handle6);
          rsc5[symbolDispose] = emptyFunc;
          rsc5[symbolRscHandle] = null;
          exports0['17'](handleTable5[(handle6 << 1) + 1] & ~T_FLAG);
        }});
        variant7 = rsc5;
        break;
      }
    }
    result8.push({
      label: variant2,
      node: variant7,
    });
  }
  postReturn0(ret);
  return result8;
}});

NonterminalNode.prototype.unparse = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]nonterminal-node.unparse'](handle0);
  var ptr2 = dataView(memory0).getInt32(ret + 0, true);
  var len2 = dataView(memory0).getInt32(ret + 4, true);
  var result2 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr2, len2));
  postReturn1(ret);
  return result2;
};

NonterminalNode.prototype.toJson = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]nonterminal-node.to-json'](handle0);
  var ptr2 = dataView(memory0).getInt32(ret + 0, true);
  var len2 = dataView(memory0).getInt32(ret + 4, true);
  var result2 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr2, len2));
  postReturn1(ret);
  return result2;
};

NonterminalNode.prototype.createCursor = function(arg1) {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  var {utf8: v2_0, utf16: v2_1, line: v2_2, column: v2_3 } = arg1;
  const ret = exports1['nomic-foundation:slang/cst#[method]nonterminal-node.create-cursor'](handle0, toUint32(v2_0), toUint32(v2_1), toUint32(v2_2), toUint32(v2_3));
  var handle4 = ret;
  var rsc3 = new.target === Cursor ? this : Object.create(Cursor.prototype);
  Object.defineProperty(rsc3, symbolRscHandle, { writable: true, value: handle4});
  finalizationRegistry6.register(rsc3, handle4, rsc3);
  Object.defineProperty(rsc3, symbolDispose, { writable: true, value: function () {
    finalizationRegistry6.unregister(rsc3);
    rscTableRemove(handleTable6, handle4);
    rsc3[symbolDispose] = emptyFunc;
    rsc3[symbolRscHandle] = null;
    exports0['18'](handleTable6[(handle4 << 1) + 1] & ~T_FLAG);
  }});
  return rsc3;
};

class TerminalNode{
  constructor () {
    throw new Error('"TerminalNode" resource does not define a constructor');
  }
}

TerminalNode.prototype[nodeJSCustomInspectSymbol] = function(depth, options, inspect) {
  const original = Object.getPrototypeOf(this)[nodeJSCustomInspectSymbol];
  
  try {
    // Temporarily remove the custom inspect form the object's prototype to avoid infinite recursion:
    delete Object.getPrototypeOf(this)[nodeJSCustomInspectSymbol];
    
    return inspect(this, {
      ...options,
      depth,
      getters: true,
      showHidden: true,
    });
  } finally {
    Object.getPrototypeOf(this)[nodeJSCustomInspectSymbol] = original;
  }
}


Object.defineProperty(TerminalNode.prototype, "id", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable5[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "TerminalNode" resource.');
  }
  var handle0 = handleTable5[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]terminal-node.id'](handle0);
  return ret >>> 0;
}});

Object.defineProperty(TerminalNode.prototype, "kind", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable5[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "TerminalNode" resource.');
  }
  var handle0 = handleTable5[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]terminal-node.kind'](handle0);
  return terminalKindCABI[ret];
}});

Object.defineProperty(TerminalNode.prototype, "textLength", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable5[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "TerminalNode" resource.');
  }
  var handle0 = handleTable5[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]terminal-node.text-length'](handle0);
  return {
    utf8: dataView(memory0).getInt32(ret + 0, true) >>> 0,
    utf16: dataView(memory0).getInt32(ret + 4, true) >>> 0,
    line: dataView(memory0).getInt32(ret + 8, true) >>> 0,
    column: dataView(memory0).getInt32(ret + 12, true) >>> 0,
  };
}});

Object.defineProperty(TerminalNode.prototype, "children", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable5[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "TerminalNode" resource.');
  }
  var handle0 = handleTable5[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]terminal-node.children'](handle0);
  var len8 = dataView(memory0).getInt32(ret + 4, true);
  var base8 = dataView(memory0).getInt32(ret + 0, true);
  var result8 = [];
  for (let i = 0; i < len8; i++) {
    const base = base8 + i * 12;
    let variant2;
    if (dataView(memory0).getUint8(base + 0, true)) {
      variant2 = edgeLabelCABI[dataView(memory0).getUint8(base + 1, true)];
    } else {
      variant2 = undefined;
    }
    let variant7;
    switch (dataView(memory0).getUint8(base + 4, true)) {
      case 0: {
        var handle4 = dataView(memory0).getInt32(base + 8, true);
        var rsc3 = new.target === NonterminalNode ? this : Object.create(NonterminalNode.prototype);
        Object.defineProperty(rsc3, symbolRscHandle, { writable: true, value: handle4});
        finalizationRegistry4.register(rsc3, handle4, rsc3);
        Object.defineProperty(rsc3, symbolDispose, { writable: true, value: function () {
          finalizationRegistry4.unregister(rsc3);
          rscTableRemove(handleTable4, handle4);
          rsc3[symbolDispose] = emptyFunc;
          rsc3[symbolRscHandle] = null;
          exports0['16'](handleTable4[(handle4 << 1) + 1] & ~T_FLAG);
        }});
        variant7 = rsc3;
        break;
      }
      case 1: {
        var handle6 = dataView(memory0).getInt32(base + 8, true);
        var rsc5 = new.target === TerminalNode ? this : Object.create(TerminalNode.prototype);
        Object.defineProperty(rsc5, symbolRscHandle, { writable: true, value: handle6});
        finalizationRegistry5.register(rsc5, handle6, rsc5);
        Object.defineProperty(rsc5, symbolDispose, { writable: true, value: function () {
          finalizationRegistry5.unregister(rsc5);
          rscTableRemove(handleTable5, handle6);
          rsc5[symbolDispose] = emptyFunc;
          rsc5[symbolRscHandle] = null;
          exports0['17'](handleTable5[(handle6 << 1) + 1] & ~T_FLAG);
        }});
        variant7 = rsc5;
        break;
      }
    }
    result8.push({
      label: variant2,
      node: variant7,
    });
  }
  postReturn0(ret);
  return result8;
}});

TerminalNode.prototype.unparse = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable5[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "TerminalNode" resource.');
  }
  var handle0 = handleTable5[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]terminal-node.unparse'](handle0);
  var ptr2 = dataView(memory0).getInt32(ret + 0, true);
  var len2 = dataView(memory0).getInt32(ret + 4, true);
  var result2 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr2, len2));
  postReturn1(ret);
  return result2;
};

TerminalNode.prototype.toJson = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable5[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "TerminalNode" resource.');
  }
  var handle0 = handleTable5[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]terminal-node.to-json'](handle0);
  var ptr2 = dataView(memory0).getInt32(ret + 0, true);
  var len2 = dataView(memory0).getInt32(ret + 4, true);
  var result2 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr2, len2));
  postReturn1(ret);
  return result2;
};

class Cursor{
  constructor () {
    throw new Error('"Cursor" resource does not define a constructor');
  }
}

Cursor.prototype.reset = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  exports1['nomic-foundation:slang/cst#[method]cursor.reset'](handle0);
};

Cursor.prototype.complete = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  exports1['nomic-foundation:slang/cst#[method]cursor.complete'](handle0);
};

Cursor.prototype.isCompleted = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.is-completed'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.clone = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.clone'](handle0);
  var handle3 = ret;
  var rsc2 = new.target === Cursor ? this : Object.create(Cursor.prototype);
  Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
  finalizationRegistry6.register(rsc2, handle3, rsc2);
  Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
    finalizationRegistry6.unregister(rsc2);
    rscTableRemove(handleTable6, handle3);
    rsc2[symbolDispose] = emptyFunc;
    rsc2[symbolRscHandle] = null;
    exports0['18'](handleTable6[(handle3 << 1) + 1] & ~T_FLAG);
  }});
  return rsc2;
};

Cursor.prototype.spawn = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.spawn'](handle0);
  var handle3 = ret;
  var rsc2 = new.target === Cursor ? this : Object.create(Cursor.prototype);
  Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
  finalizationRegistry6.register(rsc2, handle3, rsc2);
  Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
    finalizationRegistry6.unregister(rsc2);
    rscTableRemove(handleTable6, handle3);
    rsc2[symbolDispose] = emptyFunc;
    rsc2[symbolRscHandle] = null;
    exports0['18'](handleTable6[(handle3 << 1) + 1] & ~T_FLAG);
  }});
  return rsc2;
};

Object.defineProperty(Cursor.prototype, "node", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.node'](handle0);
  let variant6;
  switch (dataView(memory0).getUint8(ret + 0, true)) {
    case 0: {
      var handle3 = dataView(memory0).getInt32(ret + 4, true);
      var rsc2 = new.target === NonterminalNode ? this : Object.create(NonterminalNode.prototype);
      Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
      finalizationRegistry4.register(rsc2, handle3, rsc2);
      Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
        finalizationRegistry4.unregister(rsc2);
        rscTableRemove(handleTable4, handle3);
        rsc2[symbolDispose] = emptyFunc;
        rsc2[symbolRscHandle] = null;
        exports0['16'](handleTable4[(handle3 << 1) + 1] & ~T_FLAG);
      }});
      variant6 = rsc2;
      break;
    }
    case 1: {
      var handle5 = dataView(memory0).getInt32(ret + 4, true);
      var rsc4 = new.target === TerminalNode ? this : Object.create(TerminalNode.prototype);
      Object.defineProperty(rsc4, symbolRscHandle, { writable: true, value: handle5});
      finalizationRegistry5.register(rsc4, handle5, rsc4);
      Object.defineProperty(rsc4, symbolDispose, { writable: true, value: function () {
        finalizationRegistry5.unregister(rsc4);
        rscTableRemove(handleTable5, handle5);
        rsc4[symbolDispose] = emptyFunc;
        rsc4[symbolRscHandle] = null;
        exports0['17'](handleTable5[(handle5 << 1) + 1] & ~T_FLAG);
      }});
      variant6 = rsc4;
      break;
    }
  }
  return variant6;
}});

Object.defineProperty(Cursor.prototype, "label", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.label'](handle0);
  let variant2;
  if (dataView(memory0).getUint8(ret + 0, true)) {
    variant2 = edgeLabelCABI[dataView(memory0).getUint8(ret + 1, true)];
  } else {
    variant2 = undefined;
  }
  return variant2;
}});

Object.defineProperty(Cursor.prototype, "textOffset", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.text-offset'](handle0);
  return {
    utf8: dataView(memory0).getInt32(ret + 0, true) >>> 0,
    utf16: dataView(memory0).getInt32(ret + 4, true) >>> 0,
    line: dataView(memory0).getInt32(ret + 8, true) >>> 0,
    column: dataView(memory0).getInt32(ret + 12, true) >>> 0,
  };
}});

Object.defineProperty(Cursor.prototype, "textRange", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.text-range'](handle0);
  return {
    start: {
      utf8: dataView(memory0).getInt32(ret + 0, true) >>> 0,
      utf16: dataView(memory0).getInt32(ret + 4, true) >>> 0,
      line: dataView(memory0).getInt32(ret + 8, true) >>> 0,
      column: dataView(memory0).getInt32(ret + 12, true) >>> 0,
    },
    end: {
      utf8: dataView(memory0).getInt32(ret + 16, true) >>> 0,
      utf16: dataView(memory0).getInt32(ret + 20, true) >>> 0,
      line: dataView(memory0).getInt32(ret + 24, true) >>> 0,
      column: dataView(memory0).getInt32(ret + 28, true) >>> 0,
    },
  };
}});

Object.defineProperty(Cursor.prototype, "depth", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.depth'](handle0);
  return ret >>> 0;
}});

Object.defineProperty(Cursor.prototype, "ancestors", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.ancestors'](handle0);
  var len4 = dataView(memory0).getInt32(ret + 4, true);
  var base4 = dataView(memory0).getInt32(ret + 0, true);
  var result4 = [];
  for (let i = 0; i < len4; i++) {
    const base = base4 + i * 4;
    var handle3 = dataView(memory0).getInt32(base + 0, true);
    var rsc2 = new.target === NonterminalNode ? this : Object.create(NonterminalNode.prototype);
    Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
    finalizationRegistry4.register(rsc2, handle3, rsc2);
    Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
      finalizationRegistry4.unregister(rsc2);
      rscTableRemove(handleTable4, handle3);
      rsc2[symbolDispose] = emptyFunc;
      rsc2[symbolRscHandle] = null;
      exports0['16'](handleTable4[(handle3 << 1) + 1] & ~T_FLAG);
    }});
    result4.push(rsc2);
  }
  postReturn2(ret);
  return result4;
}});

Cursor.prototype.goToNext = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-next'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToNextNonDescendent = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-next-non-descendent'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToPrevious = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-previous'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToParent = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-parent'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToFirstChild = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-first-child'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToLastChild = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-last-child'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToNthChild = function(arg1) {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-nth-child'](handle0, toUint32(arg1));
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToNextSibling = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-next-sibling'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToPreviousSibling = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-previous-sibling'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToNextTerminal = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-next-terminal'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToNextTerminalWithKind = function(arg1) {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-next-terminal-with-kind'](handle0, terminalKindCABI[arg1]);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToNextTerminalWithKinds = function(arg1) {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  var vec2 = arg1;
  var len2 = vec2.length;
  var result2 = realloc1(0, 0, 2, len2 * 2);
  for (let i = 0; i < vec2.length; i++) {
    const e = vec2[i];
    const base = result2 + i * 2;dataView(memory0).setInt16(base + 0, terminalKindCABI[e], true);
  }
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-next-terminal-with-kinds'](handle0, result2, len2);
  var bool3 = ret;
  return !!bool3;
};

Cursor.prototype.goToNextNonterminal = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-next-nonterminal'](handle0);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToNextNonterminalWithKind = function(arg1) {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-next-nonterminal-with-kind'](handle0, nonterminalKindCABI[arg1]);
  var bool2 = ret;
  return !!bool2;
};

Cursor.prototype.goToNextNonterminalWithKinds = function(arg1) {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  var vec2 = arg1;
  var len2 = vec2.length;
  var result2 = realloc1(0, 0, 1, len2 * 1);
  for (let i = 0; i < vec2.length; i++) {
    const e = vec2[i];
    const base = result2 + i * 1;dataView(memory0).setInt8(base + 0, nonterminalKindCABI[e], true);
  }
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.go-to-next-nonterminal-with-kinds'](handle0, result2, len2);
  var bool3 = ret;
  return !!bool3;
};

Cursor.prototype.query = function(arg1) {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable6[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Cursor" resource.');
  }
  var handle0 = handleTable6[(handle1 << 1) + 1] & ~T_FLAG;
  var vec4 = arg1;
  var len4 = vec4.length;
  var result4 = realloc1(0, 0, 4, len4 * 4);
  for (let i = 0; i < vec4.length; i++) {
    const e = vec4[i];
    const base = result4 + i * 4;var handle3 = e[symbolRscHandle];
    if (!handle3 || (handleTable7[(handle3 << 1) + 1] & T_FLAG) === 0) {
      throw new TypeError('Resource error: Not a valid "Query" resource.');
    }
    var handle2 = handleTable7[(handle3 << 1) + 1] & ~T_FLAG;
    dataView(memory0).setInt32(base + 0, handle2, true);
  }
  const ret = exports1['nomic-foundation:slang/cst#[method]cursor.query'](handle0, result4, len4);
  var handle6 = ret;
  var rsc5 = new.target === QueryMatchIterator ? this : Object.create(QueryMatchIterator.prototype);
  Object.defineProperty(rsc5, symbolRscHandle, { writable: true, value: handle6});
  finalizationRegistry8.register(rsc5, handle6, rsc5);
  Object.defineProperty(rsc5, symbolDispose, { writable: true, value: function () {
    finalizationRegistry8.unregister(rsc5);
    rscTableRemove(handleTable8, handle6);
    rsc5[symbolDispose] = emptyFunc;
    rsc5[symbolRscHandle] = null;
    exports0['20'](handleTable8[(handle6 << 1) + 1] & ~T_FLAG);
  }});
  return rsc5;
};

class Query{
  constructor () {
    throw new Error('"Query" resource does not define a constructor');
  }
}

Query.parse = function parse(arg0) {
  var ptr0 = utf8Encode(arg0, realloc1, memory0);
  var len0 = utf8EncodedLen;
  const ret = exports1['nomic-foundation:slang/cst#[static]query.parse'](ptr0, len0);
  let variant4;
  if (dataView(memory0).getUint8(ret + 0, true)) {
    var ptr3 = dataView(memory0).getInt32(ret + 4, true);
    var len3 = dataView(memory0).getInt32(ret + 8, true);
    var result3 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr3, len3));
    variant4= {
      tag: 'err',
      val: {
        message: result3,
        line: dataView(memory0).getInt32(ret + 12, true) >>> 0,
        column: dataView(memory0).getInt32(ret + 16, true) >>> 0,
      }
    };
  } else {
    var handle2 = dataView(memory0).getInt32(ret + 4, true);
    var rsc1 = new.target === Query ? this : Object.create(Query.prototype);
    Object.defineProperty(rsc1, symbolRscHandle, { writable: true, value: handle2});
    finalizationRegistry7.register(rsc1, handle2, rsc1);
    Object.defineProperty(rsc1, symbolDispose, { writable: true, value: function () {
      finalizationRegistry7.unregister(rsc1);
      rscTableRemove(handleTable7, handle2);
      rsc1[symbolDispose] = emptyFunc;
      rsc1[symbolRscHandle] = null;
      exports0['19'](handleTable7[(handle2 << 1) + 1] & ~T_FLAG);
    }});
    variant4= {
      tag: 'ok',
      val: rsc1
    };
  }
  postReturn3(ret);
  if (variant4.tag === 'err') {
    throw variant4.val;
  }
  return variant4.val;
};

class QueryMatchIterator{
  constructor () {
    throw new Error('"QueryMatchIterator" resource does not define a constructor');
  }
}

QueryMatchIterator.prototype[Symbol.iterator] = function () {
  return {
    next: () => {
      const value = this.next();
      return { done: value == undefined, value };
    }
  }
}


QueryMatchIterator.prototype.next = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable8[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "QueryMatchIterator" resource.');
  }
  var handle0 = handleTable8[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/cst#[method]query-match-iterator.next'](handle0);
  let variant7;
  if (dataView(memory0).getUint8(ret + 0, true)) {
    var len6 = dataView(memory0).getInt32(ret + 12, true);
    var base6 = dataView(memory0).getInt32(ret + 8, true);
    var result6 = [];
    for (let i = 0; i < len6; i++) {
      const base = base6 + i * 16;
      var ptr2 = dataView(memory0).getInt32(base + 0, true);
      var len2 = dataView(memory0).getInt32(base + 4, true);
      var result2 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr2, len2));
      var len5 = dataView(memory0).getInt32(base + 12, true);
      var base5 = dataView(memory0).getInt32(base + 8, true);
      var result5 = [];
      for (let i = 0; i < len5; i++) {
        const base = base5 + i * 4;
        var handle4 = dataView(memory0).getInt32(base + 0, true);
        var rsc3 = new.target === Cursor ? this : Object.create(Cursor.prototype);
        Object.defineProperty(rsc3, symbolRscHandle, { writable: true, value: handle4});
        finalizationRegistry6.register(rsc3, handle4, rsc3);
        Object.defineProperty(rsc3, symbolDispose, { writable: true, value: function () {
          finalizationRegistry6.unregister(rsc3);
          rscTableRemove(handleTable6, handle4);
          rsc3[symbolDispose] = emptyFunc;
          rsc3[symbolRscHandle] = null;
          exports0['18'](handleTable6[(handle4 << 1) + 1] & ~T_FLAG);
        }});
        result5.push(rsc3);
      }
      result6.push([result2, result5]);
    }
    variant7 = {
      queryNumber: dataView(memory0).getInt32(ret + 4, true) >>> 0,
      captures: result6.reduce((acc, val) => { acc[val[0]] = val[1]; return acc; }, {}),
    };
  } else {
    variant7 = undefined;
  }
  postReturn4(ret);
  return variant7;
};
var nonterminalKind = {};
nonterminalKind['AbicoderPragma'] = 'AbicoderPragma';
nonterminalKind['AdditiveExpression'] = 'AdditiveExpression';
nonterminalKind['AddressType'] = 'AddressType';
nonterminalKind['AndExpression'] = 'AndExpression';
nonterminalKind['ArgumentsDeclaration'] = 'ArgumentsDeclaration';
nonterminalKind['ArrayExpression'] = 'ArrayExpression';
nonterminalKind['ArrayTypeName'] = 'ArrayTypeName';
nonterminalKind['ArrayValues'] = 'ArrayValues';
nonterminalKind['AssemblyFlags'] = 'AssemblyFlags';
nonterminalKind['AssemblyFlagsDeclaration'] = 'AssemblyFlagsDeclaration';
nonterminalKind['AssemblyStatement'] = 'AssemblyStatement';
nonterminalKind['AssignmentExpression'] = 'AssignmentExpression';
nonterminalKind['BitwiseAndExpression'] = 'BitwiseAndExpression';
nonterminalKind['BitwiseOrExpression'] = 'BitwiseOrExpression';
nonterminalKind['BitwiseXorExpression'] = 'BitwiseXorExpression';
nonterminalKind['Block'] = 'Block';
nonterminalKind['BreakStatement'] = 'BreakStatement';
nonterminalKind['CallOptions'] = 'CallOptions';
nonterminalKind['CallOptionsExpression'] = 'CallOptionsExpression';
nonterminalKind['CatchClause'] = 'CatchClause';
nonterminalKind['CatchClauseError'] = 'CatchClauseError';
nonterminalKind['CatchClauses'] = 'CatchClauses';
nonterminalKind['ComparisonExpression'] = 'ComparisonExpression';
nonterminalKind['ConditionalExpression'] = 'ConditionalExpression';
nonterminalKind['ConstantDefinition'] = 'ConstantDefinition';
nonterminalKind['ConstructorAttribute'] = 'ConstructorAttribute';
nonterminalKind['ConstructorAttributes'] = 'ConstructorAttributes';
nonterminalKind['ConstructorDefinition'] = 'ConstructorDefinition';
nonterminalKind['ContinueStatement'] = 'ContinueStatement';
nonterminalKind['ContractDefinition'] = 'ContractDefinition';
nonterminalKind['ContractMember'] = 'ContractMember';
nonterminalKind['ContractMembers'] = 'ContractMembers';
nonterminalKind['DecimalNumberExpression'] = 'DecimalNumberExpression';
nonterminalKind['DoWhileStatement'] = 'DoWhileStatement';
nonterminalKind['ElementaryType'] = 'ElementaryType';
nonterminalKind['ElseBranch'] = 'ElseBranch';
nonterminalKind['EmitStatement'] = 'EmitStatement';
nonterminalKind['EnumDefinition'] = 'EnumDefinition';
nonterminalKind['EnumMembers'] = 'EnumMembers';
nonterminalKind['EqualityExpression'] = 'EqualityExpression';
nonterminalKind['ErrorDefinition'] = 'ErrorDefinition';
nonterminalKind['ErrorParameter'] = 'ErrorParameter';
nonterminalKind['ErrorParameters'] = 'ErrorParameters';
nonterminalKind['ErrorParametersDeclaration'] = 'ErrorParametersDeclaration';
nonterminalKind['EventDefinition'] = 'EventDefinition';
nonterminalKind['EventParameter'] = 'EventParameter';
nonterminalKind['EventParameters'] = 'EventParameters';
nonterminalKind['EventParametersDeclaration'] = 'EventParametersDeclaration';
nonterminalKind['ExperimentalFeature'] = 'ExperimentalFeature';
nonterminalKind['ExperimentalPragma'] = 'ExperimentalPragma';
nonterminalKind['ExponentiationExpression'] = 'ExponentiationExpression';
nonterminalKind['Expression'] = 'Expression';
nonterminalKind['ExpressionStatement'] = 'ExpressionStatement';
nonterminalKind['FallbackFunctionAttribute'] = 'FallbackFunctionAttribute';
nonterminalKind['FallbackFunctionAttributes'] = 'FallbackFunctionAttributes';
nonterminalKind['FallbackFunctionDefinition'] = 'FallbackFunctionDefinition';
nonterminalKind['ForStatement'] = 'ForStatement';
nonterminalKind['ForStatementCondition'] = 'ForStatementCondition';
nonterminalKind['ForStatementInitialization'] = 'ForStatementInitialization';
nonterminalKind['FunctionAttribute'] = 'FunctionAttribute';
nonterminalKind['FunctionAttributes'] = 'FunctionAttributes';
nonterminalKind['FunctionBody'] = 'FunctionBody';
nonterminalKind['FunctionCallExpression'] = 'FunctionCallExpression';
nonterminalKind['FunctionDefinition'] = 'FunctionDefinition';
nonterminalKind['FunctionName'] = 'FunctionName';
nonterminalKind['FunctionType'] = 'FunctionType';
nonterminalKind['FunctionTypeAttribute'] = 'FunctionTypeAttribute';
nonterminalKind['FunctionTypeAttributes'] = 'FunctionTypeAttributes';
nonterminalKind['HexNumberExpression'] = 'HexNumberExpression';
nonterminalKind['HexStringLiteral'] = 'HexStringLiteral';
nonterminalKind['HexStringLiterals'] = 'HexStringLiterals';
nonterminalKind['IdentifierPath'] = 'IdentifierPath';
nonterminalKind['IfStatement'] = 'IfStatement';
nonterminalKind['ImportAlias'] = 'ImportAlias';
nonterminalKind['ImportClause'] = 'ImportClause';
nonterminalKind['ImportDeconstruction'] = 'ImportDeconstruction';
nonterminalKind['ImportDeconstructionSymbol'] = 'ImportDeconstructionSymbol';
nonterminalKind['ImportDeconstructionSymbols'] = 'ImportDeconstructionSymbols';
nonterminalKind['ImportDirective'] = 'ImportDirective';
nonterminalKind['IndexAccessEnd'] = 'IndexAccessEnd';
nonterminalKind['IndexAccessExpression'] = 'IndexAccessExpression';
nonterminalKind['InheritanceSpecifier'] = 'InheritanceSpecifier';
nonterminalKind['InheritanceType'] = 'InheritanceType';
nonterminalKind['InheritanceTypes'] = 'InheritanceTypes';
nonterminalKind['InterfaceDefinition'] = 'InterfaceDefinition';
nonterminalKind['InterfaceMembers'] = 'InterfaceMembers';
nonterminalKind['LibraryDefinition'] = 'LibraryDefinition';
nonterminalKind['LibraryMembers'] = 'LibraryMembers';
nonterminalKind['MappingKey'] = 'MappingKey';
nonterminalKind['MappingKeyType'] = 'MappingKeyType';
nonterminalKind['MappingType'] = 'MappingType';
nonterminalKind['MappingValue'] = 'MappingValue';
nonterminalKind['MemberAccessExpression'] = 'MemberAccessExpression';
nonterminalKind['ModifierAttribute'] = 'ModifierAttribute';
nonterminalKind['ModifierAttributes'] = 'ModifierAttributes';
nonterminalKind['ModifierDefinition'] = 'ModifierDefinition';
nonterminalKind['ModifierInvocation'] = 'ModifierInvocation';
nonterminalKind['MultiplicativeExpression'] = 'MultiplicativeExpression';
nonterminalKind['NamedArgument'] = 'NamedArgument';
nonterminalKind['NamedArgumentGroup'] = 'NamedArgumentGroup';
nonterminalKind['NamedArguments'] = 'NamedArguments';
nonterminalKind['NamedArgumentsDeclaration'] = 'NamedArgumentsDeclaration';
nonterminalKind['NamedImport'] = 'NamedImport';
nonterminalKind['NewExpression'] = 'NewExpression';
nonterminalKind['NumberUnit'] = 'NumberUnit';
nonterminalKind['OrExpression'] = 'OrExpression';
nonterminalKind['OverridePaths'] = 'OverridePaths';
nonterminalKind['OverridePathsDeclaration'] = 'OverridePathsDeclaration';
nonterminalKind['OverrideSpecifier'] = 'OverrideSpecifier';
nonterminalKind['Parameter'] = 'Parameter';
nonterminalKind['Parameters'] = 'Parameters';
nonterminalKind['ParametersDeclaration'] = 'ParametersDeclaration';
nonterminalKind['PathImport'] = 'PathImport';
nonterminalKind['PositionalArguments'] = 'PositionalArguments';
nonterminalKind['PositionalArgumentsDeclaration'] = 'PositionalArgumentsDeclaration';
nonterminalKind['PostfixExpression'] = 'PostfixExpression';
nonterminalKind['Pragma'] = 'Pragma';
nonterminalKind['PragmaDirective'] = 'PragmaDirective';
nonterminalKind['PrefixExpression'] = 'PrefixExpression';
nonterminalKind['ReceiveFunctionAttribute'] = 'ReceiveFunctionAttribute';
nonterminalKind['ReceiveFunctionAttributes'] = 'ReceiveFunctionAttributes';
nonterminalKind['ReceiveFunctionDefinition'] = 'ReceiveFunctionDefinition';
nonterminalKind['ReturnStatement'] = 'ReturnStatement';
nonterminalKind['ReturnsDeclaration'] = 'ReturnsDeclaration';
nonterminalKind['RevertStatement'] = 'RevertStatement';
nonterminalKind['ShiftExpression'] = 'ShiftExpression';
nonterminalKind['SimpleVersionLiteral'] = 'SimpleVersionLiteral';
nonterminalKind['SourceUnit'] = 'SourceUnit';
nonterminalKind['SourceUnitMember'] = 'SourceUnitMember';
nonterminalKind['SourceUnitMembers'] = 'SourceUnitMembers';
nonterminalKind['StateVariableAttribute'] = 'StateVariableAttribute';
nonterminalKind['StateVariableAttributes'] = 'StateVariableAttributes';
nonterminalKind['StateVariableDefinition'] = 'StateVariableDefinition';
nonterminalKind['StateVariableDefinitionValue'] = 'StateVariableDefinitionValue';
nonterminalKind['Statement'] = 'Statement';
nonterminalKind['Statements'] = 'Statements';
nonterminalKind['StorageLocation'] = 'StorageLocation';
nonterminalKind['StringExpression'] = 'StringExpression';
nonterminalKind['StringLiteral'] = 'StringLiteral';
nonterminalKind['StringLiterals'] = 'StringLiterals';
nonterminalKind['StructDefinition'] = 'StructDefinition';
nonterminalKind['StructMember'] = 'StructMember';
nonterminalKind['StructMembers'] = 'StructMembers';
nonterminalKind['ThrowStatement'] = 'ThrowStatement';
nonterminalKind['TryStatement'] = 'TryStatement';
nonterminalKind['TupleDeconstructionElement'] = 'TupleDeconstructionElement';
nonterminalKind['TupleDeconstructionElements'] = 'TupleDeconstructionElements';
nonterminalKind['TupleDeconstructionStatement'] = 'TupleDeconstructionStatement';
nonterminalKind['TupleExpression'] = 'TupleExpression';
nonterminalKind['TupleMember'] = 'TupleMember';
nonterminalKind['TupleValue'] = 'TupleValue';
nonterminalKind['TupleValues'] = 'TupleValues';
nonterminalKind['TypeExpression'] = 'TypeExpression';
nonterminalKind['TypeName'] = 'TypeName';
nonterminalKind['TypedTupleMember'] = 'TypedTupleMember';
nonterminalKind['UncheckedBlock'] = 'UncheckedBlock';
nonterminalKind['UnicodeStringLiteral'] = 'UnicodeStringLiteral';
nonterminalKind['UnicodeStringLiterals'] = 'UnicodeStringLiterals';
nonterminalKind['UnnamedFunctionAttribute'] = 'UnnamedFunctionAttribute';
nonterminalKind['UnnamedFunctionAttributes'] = 'UnnamedFunctionAttributes';
nonterminalKind['UnnamedFunctionDefinition'] = 'UnnamedFunctionDefinition';
nonterminalKind['UntypedTupleMember'] = 'UntypedTupleMember';
nonterminalKind['UserDefinedValueTypeDefinition'] = 'UserDefinedValueTypeDefinition';
nonterminalKind['UsingAlias'] = 'UsingAlias';
nonterminalKind['UsingClause'] = 'UsingClause';
nonterminalKind['UsingDeconstruction'] = 'UsingDeconstruction';
nonterminalKind['UsingDeconstructionSymbol'] = 'UsingDeconstructionSymbol';
nonterminalKind['UsingDeconstructionSymbols'] = 'UsingDeconstructionSymbols';
nonterminalKind['UsingDirective'] = 'UsingDirective';
nonterminalKind['UsingOperator'] = 'UsingOperator';
nonterminalKind['UsingTarget'] = 'UsingTarget';
nonterminalKind['VariableDeclarationStatement'] = 'VariableDeclarationStatement';
nonterminalKind['VariableDeclarationType'] = 'VariableDeclarationType';
nonterminalKind['VariableDeclarationValue'] = 'VariableDeclarationValue';
nonterminalKind['VersionExpression'] = 'VersionExpression';
nonterminalKind['VersionExpressionSet'] = 'VersionExpressionSet';
nonterminalKind['VersionExpressionSets'] = 'VersionExpressionSets';
nonterminalKind['VersionLiteral'] = 'VersionLiteral';
nonterminalKind['VersionOperator'] = 'VersionOperator';
nonterminalKind['VersionPragma'] = 'VersionPragma';
nonterminalKind['VersionRange'] = 'VersionRange';
nonterminalKind['VersionTerm'] = 'VersionTerm';
nonterminalKind['WhileStatement'] = 'WhileStatement';
nonterminalKind['YulArguments'] = 'YulArguments';
nonterminalKind['YulAssignmentOperator'] = 'YulAssignmentOperator';
nonterminalKind['YulBlock'] = 'YulBlock';
nonterminalKind['YulBreakStatement'] = 'YulBreakStatement';
nonterminalKind['YulBuiltInFunction'] = 'YulBuiltInFunction';
nonterminalKind['YulColonAndEqual'] = 'YulColonAndEqual';
nonterminalKind['YulContinueStatement'] = 'YulContinueStatement';
nonterminalKind['YulDefaultCase'] = 'YulDefaultCase';
nonterminalKind['YulEqualAndColon'] = 'YulEqualAndColon';
nonterminalKind['YulExpression'] = 'YulExpression';
nonterminalKind['YulForStatement'] = 'YulForStatement';
nonterminalKind['YulFunctionCallExpression'] = 'YulFunctionCallExpression';
nonterminalKind['YulFunctionDefinition'] = 'YulFunctionDefinition';
nonterminalKind['YulIfStatement'] = 'YulIfStatement';
nonterminalKind['YulLabel'] = 'YulLabel';
nonterminalKind['YulLeaveStatement'] = 'YulLeaveStatement';
nonterminalKind['YulLiteral'] = 'YulLiteral';
nonterminalKind['YulParameters'] = 'YulParameters';
nonterminalKind['YulParametersDeclaration'] = 'YulParametersDeclaration';
nonterminalKind['YulPath'] = 'YulPath';
nonterminalKind['YulPathComponent'] = 'YulPathComponent';
nonterminalKind['YulPaths'] = 'YulPaths';
nonterminalKind['YulReturnsDeclaration'] = 'YulReturnsDeclaration';
nonterminalKind['YulStackAssignmentOperator'] = 'YulStackAssignmentOperator';
nonterminalKind['YulStackAssignmentStatement'] = 'YulStackAssignmentStatement';
nonterminalKind['YulStatement'] = 'YulStatement';
nonterminalKind['YulStatements'] = 'YulStatements';
nonterminalKind['YulSwitchCase'] = 'YulSwitchCase';
nonterminalKind['YulSwitchCases'] = 'YulSwitchCases';
nonterminalKind['YulSwitchStatement'] = 'YulSwitchStatement';
nonterminalKind['YulValueCase'] = 'YulValueCase';
nonterminalKind['YulVariableAssignmentStatement'] = 'YulVariableAssignmentStatement';
nonterminalKind['YulVariableDeclarationStatement'] = 'YulVariableDeclarationStatement';
nonterminalKind['YulVariableDeclarationValue'] = 'YulVariableDeclarationValue';
nonterminalKind['YulVariableNames'] = 'YulVariableNames';

var nonterminalKindCABI = {};
nonterminalKindCABI[nonterminalKindCABI['AbicoderPragma'] = 0] = 'AbicoderPragma';
nonterminalKindCABI[nonterminalKindCABI['AdditiveExpression'] = 1] = 'AdditiveExpression';
nonterminalKindCABI[nonterminalKindCABI['AddressType'] = 2] = 'AddressType';
nonterminalKindCABI[nonterminalKindCABI['AndExpression'] = 3] = 'AndExpression';
nonterminalKindCABI[nonterminalKindCABI['ArgumentsDeclaration'] = 4] = 'ArgumentsDeclaration';
nonterminalKindCABI[nonterminalKindCABI['ArrayExpression'] = 5] = 'ArrayExpression';
nonterminalKindCABI[nonterminalKindCABI['ArrayTypeName'] = 6] = 'ArrayTypeName';
nonterminalKindCABI[nonterminalKindCABI['ArrayValues'] = 7] = 'ArrayValues';
nonterminalKindCABI[nonterminalKindCABI['AssemblyFlags'] = 8] = 'AssemblyFlags';
nonterminalKindCABI[nonterminalKindCABI['AssemblyFlagsDeclaration'] = 9] = 'AssemblyFlagsDeclaration';
nonterminalKindCABI[nonterminalKindCABI['AssemblyStatement'] = 10] = 'AssemblyStatement';
nonterminalKindCABI[nonterminalKindCABI['AssignmentExpression'] = 11] = 'AssignmentExpression';
nonterminalKindCABI[nonterminalKindCABI['BitwiseAndExpression'] = 12] = 'BitwiseAndExpression';
nonterminalKindCABI[nonterminalKindCABI['BitwiseOrExpression'] = 13] = 'BitwiseOrExpression';
nonterminalKindCABI[nonterminalKindCABI['BitwiseXorExpression'] = 14] = 'BitwiseXorExpression';
nonterminalKindCABI[nonterminalKindCABI['Block'] = 15] = 'Block';
nonterminalKindCABI[nonterminalKindCABI['BreakStatement'] = 16] = 'BreakStatement';
nonterminalKindCABI[nonterminalKindCABI['CallOptions'] = 17] = 'CallOptions';
nonterminalKindCABI[nonterminalKindCABI['CallOptionsExpression'] = 18] = 'CallOptionsExpression';
nonterminalKindCABI[nonterminalKindCABI['CatchClause'] = 19] = 'CatchClause';
nonterminalKindCABI[nonterminalKindCABI['CatchClauseError'] = 20] = 'CatchClauseError';
nonterminalKindCABI[nonterminalKindCABI['CatchClauses'] = 21] = 'CatchClauses';
nonterminalKindCABI[nonterminalKindCABI['ComparisonExpression'] = 22] = 'ComparisonExpression';
nonterminalKindCABI[nonterminalKindCABI['ConditionalExpression'] = 23] = 'ConditionalExpression';
nonterminalKindCABI[nonterminalKindCABI['ConstantDefinition'] = 24] = 'ConstantDefinition';
nonterminalKindCABI[nonterminalKindCABI['ConstructorAttribute'] = 25] = 'ConstructorAttribute';
nonterminalKindCABI[nonterminalKindCABI['ConstructorAttributes'] = 26] = 'ConstructorAttributes';
nonterminalKindCABI[nonterminalKindCABI['ConstructorDefinition'] = 27] = 'ConstructorDefinition';
nonterminalKindCABI[nonterminalKindCABI['ContinueStatement'] = 28] = 'ContinueStatement';
nonterminalKindCABI[nonterminalKindCABI['ContractDefinition'] = 29] = 'ContractDefinition';
nonterminalKindCABI[nonterminalKindCABI['ContractMember'] = 30] = 'ContractMember';
nonterminalKindCABI[nonterminalKindCABI['ContractMembers'] = 31] = 'ContractMembers';
nonterminalKindCABI[nonterminalKindCABI['DecimalNumberExpression'] = 32] = 'DecimalNumberExpression';
nonterminalKindCABI[nonterminalKindCABI['DoWhileStatement'] = 33] = 'DoWhileStatement';
nonterminalKindCABI[nonterminalKindCABI['ElementaryType'] = 34] = 'ElementaryType';
nonterminalKindCABI[nonterminalKindCABI['ElseBranch'] = 35] = 'ElseBranch';
nonterminalKindCABI[nonterminalKindCABI['EmitStatement'] = 36] = 'EmitStatement';
nonterminalKindCABI[nonterminalKindCABI['EnumDefinition'] = 37] = 'EnumDefinition';
nonterminalKindCABI[nonterminalKindCABI['EnumMembers'] = 38] = 'EnumMembers';
nonterminalKindCABI[nonterminalKindCABI['EqualityExpression'] = 39] = 'EqualityExpression';
nonterminalKindCABI[nonterminalKindCABI['ErrorDefinition'] = 40] = 'ErrorDefinition';
nonterminalKindCABI[nonterminalKindCABI['ErrorParameter'] = 41] = 'ErrorParameter';
nonterminalKindCABI[nonterminalKindCABI['ErrorParameters'] = 42] = 'ErrorParameters';
nonterminalKindCABI[nonterminalKindCABI['ErrorParametersDeclaration'] = 43] = 'ErrorParametersDeclaration';
nonterminalKindCABI[nonterminalKindCABI['EventDefinition'] = 44] = 'EventDefinition';
nonterminalKindCABI[nonterminalKindCABI['EventParameter'] = 45] = 'EventParameter';
nonterminalKindCABI[nonterminalKindCABI['EventParameters'] = 46] = 'EventParameters';
nonterminalKindCABI[nonterminalKindCABI['EventParametersDeclaration'] = 47] = 'EventParametersDeclaration';
nonterminalKindCABI[nonterminalKindCABI['ExperimentalFeature'] = 48] = 'ExperimentalFeature';
nonterminalKindCABI[nonterminalKindCABI['ExperimentalPragma'] = 49] = 'ExperimentalPragma';
nonterminalKindCABI[nonterminalKindCABI['ExponentiationExpression'] = 50] = 'ExponentiationExpression';
nonterminalKindCABI[nonterminalKindCABI['Expression'] = 51] = 'Expression';
nonterminalKindCABI[nonterminalKindCABI['ExpressionStatement'] = 52] = 'ExpressionStatement';
nonterminalKindCABI[nonterminalKindCABI['FallbackFunctionAttribute'] = 53] = 'FallbackFunctionAttribute';
nonterminalKindCABI[nonterminalKindCABI['FallbackFunctionAttributes'] = 54] = 'FallbackFunctionAttributes';
nonterminalKindCABI[nonterminalKindCABI['FallbackFunctionDefinition'] = 55] = 'FallbackFunctionDefinition';
nonterminalKindCABI[nonterminalKindCABI['ForStatement'] = 56] = 'ForStatement';
nonterminalKindCABI[nonterminalKindCABI['ForStatementCondition'] = 57] = 'ForStatementCondition';
nonterminalKindCABI[nonterminalKindCABI['ForStatementInitialization'] = 58] = 'ForStatementInitialization';
nonterminalKindCABI[nonterminalKindCABI['FunctionAttribute'] = 59] = 'FunctionAttribute';
nonterminalKindCABI[nonterminalKindCABI['FunctionAttributes'] = 60] = 'FunctionAttributes';
nonterminalKindCABI[nonterminalKindCABI['FunctionBody'] = 61] = 'FunctionBody';
nonterminalKindCABI[nonterminalKindCABI['FunctionCallExpression'] = 62] = 'FunctionCallExpression';
nonterminalKindCABI[nonterminalKindCABI['FunctionDefinition'] = 63] = 'FunctionDefinition';
nonterminalKindCABI[nonterminalKindCABI['FunctionName'] = 64] = 'FunctionName';
nonterminalKindCABI[nonterminalKindCABI['FunctionType'] = 65] = 'FunctionType';
nonterminalKindCABI[nonterminalKindCABI['FunctionTypeAttribute'] = 66] = 'FunctionTypeAttribute';
nonterminalKindCABI[nonterminalKindCABI['FunctionTypeAttributes'] = 67] = 'FunctionTypeAttributes';
nonterminalKindCABI[nonterminalKindCABI['HexNumberExpression'] = 68] = 'HexNumberExpression';
nonterminalKindCABI[nonterminalKindCABI['HexStringLiteral'] = 69] = 'HexStringLiteral';
nonterminalKindCABI[nonterminalKindCABI['HexStringLiterals'] = 70] = 'HexStringLiterals';
nonterminalKindCABI[nonterminalKindCABI['IdentifierPath'] = 71] = 'IdentifierPath';
nonterminalKindCABI[nonterminalKindCABI['IfStatement'] = 72] = 'IfStatement';
nonterminalKindCABI[nonterminalKindCABI['ImportAlias'] = 73] = 'ImportAlias';
nonterminalKindCABI[nonterminalKindCABI['ImportClause'] = 74] = 'ImportClause';
nonterminalKindCABI[nonterminalKindCABI['ImportDeconstruction'] = 75] = 'ImportDeconstruction';
nonterminalKindCABI[nonterminalKindCABI['ImportDeconstructionSymbol'] = 76] = 'ImportDeconstructionSymbol';
nonterminalKindCABI[nonterminalKindCABI['ImportDeconstructionSymbols'] = 77] = 'ImportDeconstructionSymbols';
nonterminalKindCABI[nonterminalKindCABI['ImportDirective'] = 78] = 'ImportDirective';
nonterminalKindCABI[nonterminalKindCABI['IndexAccessEnd'] = 79] = 'IndexAccessEnd';
nonterminalKindCABI[nonterminalKindCABI['IndexAccessExpression'] = 80] = 'IndexAccessExpression';
nonterminalKindCABI[nonterminalKindCABI['InheritanceSpecifier'] = 81] = 'InheritanceSpecifier';
nonterminalKindCABI[nonterminalKindCABI['InheritanceType'] = 82] = 'InheritanceType';
nonterminalKindCABI[nonterminalKindCABI['InheritanceTypes'] = 83] = 'InheritanceTypes';
nonterminalKindCABI[nonterminalKindCABI['InterfaceDefinition'] = 84] = 'InterfaceDefinition';
nonterminalKindCABI[nonterminalKindCABI['InterfaceMembers'] = 85] = 'InterfaceMembers';
nonterminalKindCABI[nonterminalKindCABI['LibraryDefinition'] = 86] = 'LibraryDefinition';
nonterminalKindCABI[nonterminalKindCABI['LibraryMembers'] = 87] = 'LibraryMembers';
nonterminalKindCABI[nonterminalKindCABI['MappingKey'] = 88] = 'MappingKey';
nonterminalKindCABI[nonterminalKindCABI['MappingKeyType'] = 89] = 'MappingKeyType';
nonterminalKindCABI[nonterminalKindCABI['MappingType'] = 90] = 'MappingType';
nonterminalKindCABI[nonterminalKindCABI['MappingValue'] = 91] = 'MappingValue';
nonterminalKindCABI[nonterminalKindCABI['MemberAccessExpression'] = 92] = 'MemberAccessExpression';
nonterminalKindCABI[nonterminalKindCABI['ModifierAttribute'] = 93] = 'ModifierAttribute';
nonterminalKindCABI[nonterminalKindCABI['ModifierAttributes'] = 94] = 'ModifierAttributes';
nonterminalKindCABI[nonterminalKindCABI['ModifierDefinition'] = 95] = 'ModifierDefinition';
nonterminalKindCABI[nonterminalKindCABI['ModifierInvocation'] = 96] = 'ModifierInvocation';
nonterminalKindCABI[nonterminalKindCABI['MultiplicativeExpression'] = 97] = 'MultiplicativeExpression';
nonterminalKindCABI[nonterminalKindCABI['NamedArgument'] = 98] = 'NamedArgument';
nonterminalKindCABI[nonterminalKindCABI['NamedArgumentGroup'] = 99] = 'NamedArgumentGroup';
nonterminalKindCABI[nonterminalKindCABI['NamedArguments'] = 100] = 'NamedArguments';
nonterminalKindCABI[nonterminalKindCABI['NamedArgumentsDeclaration'] = 101] = 'NamedArgumentsDeclaration';
nonterminalKindCABI[nonterminalKindCABI['NamedImport'] = 102] = 'NamedImport';
nonterminalKindCABI[nonterminalKindCABI['NewExpression'] = 103] = 'NewExpression';
nonterminalKindCABI[nonterminalKindCABI['NumberUnit'] = 104] = 'NumberUnit';
nonterminalKindCABI[nonterminalKindCABI['OrExpression'] = 105] = 'OrExpression';
nonterminalKindCABI[nonterminalKindCABI['OverridePaths'] = 106] = 'OverridePaths';
nonterminalKindCABI[nonterminalKindCABI['OverridePathsDeclaration'] = 107] = 'OverridePathsDeclaration';
nonterminalKindCABI[nonterminalKindCABI['OverrideSpecifier'] = 108] = 'OverrideSpecifier';
nonterminalKindCABI[nonterminalKindCABI['Parameter'] = 109] = 'Parameter';
nonterminalKindCABI[nonterminalKindCABI['Parameters'] = 110] = 'Parameters';
nonterminalKindCABI[nonterminalKindCABI['ParametersDeclaration'] = 111] = 'ParametersDeclaration';
nonterminalKindCABI[nonterminalKindCABI['PathImport'] = 112] = 'PathImport';
nonterminalKindCABI[nonterminalKindCABI['PositionalArguments'] = 113] = 'PositionalArguments';
nonterminalKindCABI[nonterminalKindCABI['PositionalArgumentsDeclaration'] = 114] = 'PositionalArgumentsDeclaration';
nonterminalKindCABI[nonterminalKindCABI['PostfixExpression'] = 115] = 'PostfixExpression';
nonterminalKindCABI[nonterminalKindCABI['Pragma'] = 116] = 'Pragma';
nonterminalKindCABI[nonterminalKindCABI['PragmaDirective'] = 117] = 'PragmaDirective';
nonterminalKindCABI[nonterminalKindCABI['PrefixExpression'] = 118] = 'PrefixExpression';
nonterminalKindCABI[nonterminalKindCABI['ReceiveFunctionAttribute'] = 119] = 'ReceiveFunctionAttribute';
nonterminalKindCABI[nonterminalKindCABI['ReceiveFunctionAttributes'] = 120] = 'ReceiveFunctionAttributes';
nonterminalKindCABI[nonterminalKindCABI['ReceiveFunctionDefinition'] = 121] = 'ReceiveFunctionDefinition';
nonterminalKindCABI[nonterminalKindCABI['ReturnStatement'] = 122] = 'ReturnStatement';
nonterminalKindCABI[nonterminalKindCABI['ReturnsDeclaration'] = 123] = 'ReturnsDeclaration';
nonterminalKindCABI[nonterminalKindCABI['RevertStatement'] = 124] = 'RevertStatement';
nonterminalKindCABI[nonterminalKindCABI['ShiftExpression'] = 125] = 'ShiftExpression';
nonterminalKindCABI[nonterminalKindCABI['SimpleVersionLiteral'] = 126] = 'SimpleVersionLiteral';
nonterminalKindCABI[nonterminalKindCABI['SourceUnit'] = 127] = 'SourceUnit';
nonterminalKindCABI[nonterminalKindCABI['SourceUnitMember'] = 128] = 'SourceUnitMember';
nonterminalKindCABI[nonterminalKindCABI['SourceUnitMembers'] = 129] = 'SourceUnitMembers';
nonterminalKindCABI[nonterminalKindCABI['StateVariableAttribute'] = 130] = 'StateVariableAttribute';
nonterminalKindCABI[nonterminalKindCABI['StateVariableAttributes'] = 131] = 'StateVariableAttributes';
nonterminalKindCABI[nonterminalKindCABI['StateVariableDefinition'] = 132] = 'StateVariableDefinition';
nonterminalKindCABI[nonterminalKindCABI['StateVariableDefinitionValue'] = 133] = 'StateVariableDefinitionValue';
nonterminalKindCABI[nonterminalKindCABI['Statement'] = 134] = 'Statement';
nonterminalKindCABI[nonterminalKindCABI['Statements'] = 135] = 'Statements';
nonterminalKindCABI[nonterminalKindCABI['StorageLocation'] = 136] = 'StorageLocation';
nonterminalKindCABI[nonterminalKindCABI['StringExpression'] = 137] = 'StringExpression';
nonterminalKindCABI[nonterminalKindCABI['StringLiteral'] = 138] = 'StringLiteral';
nonterminalKindCABI[nonterminalKindCABI['StringLiterals'] = 139] = 'StringLiterals';
nonterminalKindCABI[nonterminalKindCABI['StructDefinition'] = 140] = 'StructDefinition';
nonterminalKindCABI[nonterminalKindCABI['StructMember'] = 141] = 'StructMember';
nonterminalKindCABI[nonterminalKindCABI['StructMembers'] = 142] = 'StructMembers';
nonterminalKindCABI[nonterminalKindCABI['ThrowStatement'] = 143] = 'ThrowStatement';
nonterminalKindCABI[nonterminalKindCABI['TryStatement'] = 144] = 'TryStatement';
nonterminalKindCABI[nonterminalKindCABI['TupleDeconstructionElement'] = 145] = 'TupleDeconstructionElement';
nonterminalKindCABI[nonterminalKindCABI['TupleDeconstructionElements'] = 146] = 'TupleDeconstructionElements';
nonterminalKindCABI[nonterminalKindCABI['TupleDeconstructionStatement'] = 147] = 'TupleDeconstructionStatement';
nonterminalKindCABI[nonterminalKindCABI['TupleExpression'] = 148] = 'TupleExpression';
nonterminalKindCABI[nonterminalKindCABI['TupleMember'] = 149] = 'TupleMember';
nonterminalKindCABI[nonterminalKindCABI['TupleValue'] = 150] = 'TupleValue';
nonterminalKindCABI[nonterminalKindCABI['TupleValues'] = 151] = 'TupleValues';
nonterminalKindCABI[nonterminalKindCABI['TypeExpression'] = 152] = 'TypeExpression';
nonterminalKindCABI[nonterminalKindCABI['TypeName'] = 153] = 'TypeName';
nonterminalKindCABI[nonterminalKindCABI['TypedTupleMember'] = 154] = 'TypedTupleMember';
nonterminalKindCABI[nonterminalKindCABI['UncheckedBlock'] = 155] = 'UncheckedBlock';
nonterminalKindCABI[nonterminalKindCABI['UnicodeStringLiteral'] = 156] = 'UnicodeStringLiteral';
nonterminalKindCABI[nonterminalKindCABI['UnicodeStringLiterals'] = 157] = 'UnicodeStringLiterals';
nonterminalKindCABI[nonterminalKindCABI['UnnamedFunctionAttribute'] = 158] = 'UnnamedFunctionAttribute';
nonterminalKindCABI[nonterminalKindCABI['UnnamedFunctionAttributes'] = 159] = 'UnnamedFunctionAttributes';
nonterminalKindCABI[nonterminalKindCABI['UnnamedFunctionDefinition'] = 160] = 'UnnamedFunctionDefinition';
nonterminalKindCABI[nonterminalKindCABI['UntypedTupleMember'] = 161] = 'UntypedTupleMember';
nonterminalKindCABI[nonterminalKindCABI['UserDefinedValueTypeDefinition'] = 162] = 'UserDefinedValueTypeDefinition';
nonterminalKindCABI[nonterminalKindCABI['UsingAlias'] = 163] = 'UsingAlias';
nonterminalKindCABI[nonterminalKindCABI['UsingClause'] = 164] = 'UsingClause';
nonterminalKindCABI[nonterminalKindCABI['UsingDeconstruction'] = 165] = 'UsingDeconstruction';
nonterminalKindCABI[nonterminalKindCABI['UsingDeconstructionSymbol'] = 166] = 'UsingDeconstructionSymbol';
nonterminalKindCABI[nonterminalKindCABI['UsingDeconstructionSymbols'] = 167] = 'UsingDeconstructionSymbols';
nonterminalKindCABI[nonterminalKindCABI['UsingDirective'] = 168] = 'UsingDirective';
nonterminalKindCABI[nonterminalKindCABI['UsingOperator'] = 169] = 'UsingOperator';
nonterminalKindCABI[nonterminalKindCABI['UsingTarget'] = 170] = 'UsingTarget';
nonterminalKindCABI[nonterminalKindCABI['VariableDeclarationStatement'] = 171] = 'VariableDeclarationStatement';
nonterminalKindCABI[nonterminalKindCABI['VariableDeclarationType'] = 172] = 'VariableDeclarationType';
nonterminalKindCABI[nonterminalKindCABI['VariableDeclarationValue'] = 173] = 'VariableDeclarationValue';
nonterminalKindCABI[nonterminalKindCABI['VersionExpression'] = 174] = 'VersionExpression';
nonterminalKindCABI[nonterminalKindCABI['VersionExpressionSet'] = 175] = 'VersionExpressionSet';
nonterminalKindCABI[nonterminalKindCABI['VersionExpressionSets'] = 176] = 'VersionExpressionSets';
nonterminalKindCABI[nonterminalKindCABI['VersionLiteral'] = 177] = 'VersionLiteral';
nonterminalKindCABI[nonterminalKindCABI['VersionOperator'] = 178] = 'VersionOperator';
nonterminalKindCABI[nonterminalKindCABI['VersionPragma'] = 179] = 'VersionPragma';
nonterminalKindCABI[nonterminalKindCABI['VersionRange'] = 180] = 'VersionRange';
nonterminalKindCABI[nonterminalKindCABI['VersionTerm'] = 181] = 'VersionTerm';
nonterminalKindCABI[nonterminalKindCABI['WhileStatement'] = 182] = 'WhileStatement';
nonterminalKindCABI[nonterminalKindCABI['YulArguments'] = 183] = 'YulArguments';
nonterminalKindCABI[nonterminalKindCABI['YulAssignmentOperator'] = 184] = 'YulAssignmentOperator';
nonterminalKindCABI[nonterminalKindCABI['YulBlock'] = 185] = 'YulBlock';
nonterminalKindCABI[nonterminalKindCABI['YulBreakStatement'] = 186] = 'YulBreakStatement';
nonterminalKindCABI[nonterminalKindCABI['YulBuiltInFunction'] = 187] = 'YulBuiltInFunction';
nonterminalKindCABI[nonterminalKindCABI['YulColonAndEqual'] = 188] = 'YulColonAndEqual';
nonterminalKindCABI[nonterminalKindCABI['YulContinueStatement'] = 189] = 'YulContinueStatement';
nonterminalKindCABI[nonterminalKindCABI['YulDefaultCase'] = 190] = 'YulDefaultCase';
nonterminalKindCABI[nonterminalKindCABI['YulEqualAndColon'] = 191] = 'YulEqualAndColon';
nonterminalKindCABI[nonterminalKindCABI['YulExpression'] = 192] = 'YulExpression';
nonterminalKindCABI[nonterminalKindCABI['YulForStatement'] = 193] = 'YulForStatement';
nonterminalKindCABI[nonterminalKindCABI['YulFunctionCallExpression'] = 194] = 'YulFunctionCallExpression';
nonterminalKindCABI[nonterminalKindCABI['YulFunctionDefinition'] = 195] = 'YulFunctionDefinition';
nonterminalKindCABI[nonterminalKindCABI['YulIfStatement'] = 196] = 'YulIfStatement';
nonterminalKindCABI[nonterminalKindCABI['YulLabel'] = 197] = 'YulLabel';
nonterminalKindCABI[nonterminalKindCABI['YulLeaveStatement'] = 198] = 'YulLeaveStatement';
nonterminalKindCABI[nonterminalKindCABI['YulLiteral'] = 199] = 'YulLiteral';
nonterminalKindCABI[nonterminalKindCABI['YulParameters'] = 200] = 'YulParameters';
nonterminalKindCABI[nonterminalKindCABI['YulParametersDeclaration'] = 201] = 'YulParametersDeclaration';
nonterminalKindCABI[nonterminalKindCABI['YulPath'] = 202] = 'YulPath';
nonterminalKindCABI[nonterminalKindCABI['YulPathComponent'] = 203] = 'YulPathComponent';
nonterminalKindCABI[nonterminalKindCABI['YulPaths'] = 204] = 'YulPaths';
nonterminalKindCABI[nonterminalKindCABI['YulReturnsDeclaration'] = 205] = 'YulReturnsDeclaration';
nonterminalKindCABI[nonterminalKindCABI['YulStackAssignmentOperator'] = 206] = 'YulStackAssignmentOperator';
nonterminalKindCABI[nonterminalKindCABI['YulStackAssignmentStatement'] = 207] = 'YulStackAssignmentStatement';
nonterminalKindCABI[nonterminalKindCABI['YulStatement'] = 208] = 'YulStatement';
nonterminalKindCABI[nonterminalKindCABI['YulStatements'] = 209] = 'YulStatements';
nonterminalKindCABI[nonterminalKindCABI['YulSwitchCase'] = 210] = 'YulSwitchCase';
nonterminalKindCABI[nonterminalKindCABI['YulSwitchCases'] = 211] = 'YulSwitchCases';
nonterminalKindCABI[nonterminalKindCABI['YulSwitchStatement'] = 212] = 'YulSwitchStatement';
nonterminalKindCABI[nonterminalKindCABI['YulValueCase'] = 213] = 'YulValueCase';
nonterminalKindCABI[nonterminalKindCABI['YulVariableAssignmentStatement'] = 214] = 'YulVariableAssignmentStatement';
nonterminalKindCABI[nonterminalKindCABI['YulVariableDeclarationStatement'] = 215] = 'YulVariableDeclarationStatement';
nonterminalKindCABI[nonterminalKindCABI['YulVariableDeclarationValue'] = 216] = 'YulVariableDeclarationValue';
nonterminalKindCABI[nonterminalKindCABI['YulVariableNames'] = 217] = 'YulVariableNames';

var terminalKind = {};
terminalKind['Unrecognized'] = 'Unrecognized';
terminalKind['Missing'] = 'Missing';
terminalKind['AbicoderKeyword'] = 'AbicoderKeyword';
terminalKind['AbstractKeyword'] = 'AbstractKeyword';
terminalKind['AddressKeyword'] = 'AddressKeyword';
terminalKind['AfterKeyword'] = 'AfterKeyword';
terminalKind['AliasKeyword'] = 'AliasKeyword';
terminalKind['Ampersand'] = 'Ampersand';
terminalKind['AmpersandAmpersand'] = 'AmpersandAmpersand';
terminalKind['AmpersandEqual'] = 'AmpersandEqual';
terminalKind['AnonymousKeyword'] = 'AnonymousKeyword';
terminalKind['ApplyKeyword'] = 'ApplyKeyword';
terminalKind['AsKeyword'] = 'AsKeyword';
terminalKind['AssemblyKeyword'] = 'AssemblyKeyword';
terminalKind['Asterisk'] = 'Asterisk';
terminalKind['AsteriskAsterisk'] = 'AsteriskAsterisk';
terminalKind['AsteriskEqual'] = 'AsteriskEqual';
terminalKind['AutoKeyword'] = 'AutoKeyword';
terminalKind['Bang'] = 'Bang';
terminalKind['BangEqual'] = 'BangEqual';
terminalKind['Bar'] = 'Bar';
terminalKind['BarBar'] = 'BarBar';
terminalKind['BarEqual'] = 'BarEqual';
terminalKind['BoolKeyword'] = 'BoolKeyword';
terminalKind['BreakKeyword'] = 'BreakKeyword';
terminalKind['ByteKeyword'] = 'ByteKeyword';
terminalKind['BytesKeyword'] = 'BytesKeyword';
terminalKind['CallDataKeyword'] = 'CallDataKeyword';
terminalKind['Caret'] = 'Caret';
terminalKind['CaretEqual'] = 'CaretEqual';
terminalKind['CaseKeyword'] = 'CaseKeyword';
terminalKind['CatchKeyword'] = 'CatchKeyword';
terminalKind['CloseBrace'] = 'CloseBrace';
terminalKind['CloseBracket'] = 'CloseBracket';
terminalKind['CloseParen'] = 'CloseParen';
terminalKind['Colon'] = 'Colon';
terminalKind['ColonEqual'] = 'ColonEqual';
terminalKind['Comma'] = 'Comma';
terminalKind['ConstantKeyword'] = 'ConstantKeyword';
terminalKind['ConstructorKeyword'] = 'ConstructorKeyword';
terminalKind['ContinueKeyword'] = 'ContinueKeyword';
terminalKind['ContractKeyword'] = 'ContractKeyword';
terminalKind['CopyOfKeyword'] = 'CopyOfKeyword';
terminalKind['DaysKeyword'] = 'DaysKeyword';
terminalKind['DecimalLiteral'] = 'DecimalLiteral';
terminalKind['DefaultKeyword'] = 'DefaultKeyword';
terminalKind['DefineKeyword'] = 'DefineKeyword';
terminalKind['DeleteKeyword'] = 'DeleteKeyword';
terminalKind['DoKeyword'] = 'DoKeyword';
terminalKind['DoubleQuotedHexStringLiteral'] = 'DoubleQuotedHexStringLiteral';
terminalKind['DoubleQuotedStringLiteral'] = 'DoubleQuotedStringLiteral';
terminalKind['DoubleQuotedUnicodeStringLiteral'] = 'DoubleQuotedUnicodeStringLiteral';
terminalKind['DoubleQuotedVersionLiteral'] = 'DoubleQuotedVersionLiteral';
terminalKind['ElseKeyword'] = 'ElseKeyword';
terminalKind['EmitKeyword'] = 'EmitKeyword';
terminalKind['EndOfLine'] = 'EndOfLine';
terminalKind['EnumKeyword'] = 'EnumKeyword';
terminalKind['Equal'] = 'Equal';
terminalKind['EqualColon'] = 'EqualColon';
terminalKind['EqualEqual'] = 'EqualEqual';
terminalKind['EqualGreaterThan'] = 'EqualGreaterThan';
terminalKind['ErrorKeyword'] = 'ErrorKeyword';
terminalKind['EtherKeyword'] = 'EtherKeyword';
terminalKind['EventKeyword'] = 'EventKeyword';
terminalKind['ExperimentalKeyword'] = 'ExperimentalKeyword';
terminalKind['ExternalKeyword'] = 'ExternalKeyword';
terminalKind['FallbackKeyword'] = 'FallbackKeyword';
terminalKind['FalseKeyword'] = 'FalseKeyword';
terminalKind['FinalKeyword'] = 'FinalKeyword';
terminalKind['FinneyKeyword'] = 'FinneyKeyword';
terminalKind['FixedKeyword'] = 'FixedKeyword';
terminalKind['ForKeyword'] = 'ForKeyword';
terminalKind['FromKeyword'] = 'FromKeyword';
terminalKind['FunctionKeyword'] = 'FunctionKeyword';
terminalKind['GlobalKeyword'] = 'GlobalKeyword';
terminalKind['GreaterThan'] = 'GreaterThan';
terminalKind['GreaterThanEqual'] = 'GreaterThanEqual';
terminalKind['GreaterThanGreaterThan'] = 'GreaterThanGreaterThan';
terminalKind['GreaterThanGreaterThanEqual'] = 'GreaterThanGreaterThanEqual';
terminalKind['GreaterThanGreaterThanGreaterThan'] = 'GreaterThanGreaterThanGreaterThan';
terminalKind['GreaterThanGreaterThanGreaterThanEqual'] = 'GreaterThanGreaterThanGreaterThanEqual';
terminalKind['GweiKeyword'] = 'GweiKeyword';
terminalKind['HexKeyword'] = 'HexKeyword';
terminalKind['HexLiteral'] = 'HexLiteral';
terminalKind['HoursKeyword'] = 'HoursKeyword';
terminalKind['Identifier'] = 'Identifier';
terminalKind['IfKeyword'] = 'IfKeyword';
terminalKind['ImmutableKeyword'] = 'ImmutableKeyword';
terminalKind['ImplementsKeyword'] = 'ImplementsKeyword';
terminalKind['ImportKeyword'] = 'ImportKeyword';
terminalKind['InKeyword'] = 'InKeyword';
terminalKind['IndexedKeyword'] = 'IndexedKeyword';
terminalKind['InlineKeyword'] = 'InlineKeyword';
terminalKind['IntKeyword'] = 'IntKeyword';
terminalKind['InterfaceKeyword'] = 'InterfaceKeyword';
terminalKind['InternalKeyword'] = 'InternalKeyword';
terminalKind['IsKeyword'] = 'IsKeyword';
terminalKind['LessThan'] = 'LessThan';
terminalKind['LessThanEqual'] = 'LessThanEqual';
terminalKind['LessThanLessThan'] = 'LessThanLessThan';
terminalKind['LessThanLessThanEqual'] = 'LessThanLessThanEqual';
terminalKind['LetKeyword'] = 'LetKeyword';
terminalKind['LibraryKeyword'] = 'LibraryKeyword';
terminalKind['MacroKeyword'] = 'MacroKeyword';
terminalKind['MappingKeyword'] = 'MappingKeyword';
terminalKind['MatchKeyword'] = 'MatchKeyword';
terminalKind['MemoryKeyword'] = 'MemoryKeyword';
terminalKind['Minus'] = 'Minus';
terminalKind['MinusEqual'] = 'MinusEqual';
terminalKind['MinusGreaterThan'] = 'MinusGreaterThan';
terminalKind['MinusMinus'] = 'MinusMinus';
terminalKind['MinutesKeyword'] = 'MinutesKeyword';
terminalKind['ModifierKeyword'] = 'ModifierKeyword';
terminalKind['MultiLineComment'] = 'MultiLineComment';
terminalKind['MultiLineNatSpecComment'] = 'MultiLineNatSpecComment';
terminalKind['MutableKeyword'] = 'MutableKeyword';
terminalKind['NewKeyword'] = 'NewKeyword';
terminalKind['NullKeyword'] = 'NullKeyword';
terminalKind['OfKeyword'] = 'OfKeyword';
terminalKind['OpenBrace'] = 'OpenBrace';
terminalKind['OpenBracket'] = 'OpenBracket';
terminalKind['OpenParen'] = 'OpenParen';
terminalKind['OverrideKeyword'] = 'OverrideKeyword';
terminalKind['PartialKeyword'] = 'PartialKeyword';
terminalKind['PayableKeyword'] = 'PayableKeyword';
terminalKind['Percent'] = 'Percent';
terminalKind['PercentEqual'] = 'PercentEqual';
terminalKind['Period'] = 'Period';
terminalKind['Plus'] = 'Plus';
terminalKind['PlusEqual'] = 'PlusEqual';
terminalKind['PlusPlus'] = 'PlusPlus';
terminalKind['PragmaKeyword'] = 'PragmaKeyword';
terminalKind['PrivateKeyword'] = 'PrivateKeyword';
terminalKind['PromiseKeyword'] = 'PromiseKeyword';
terminalKind['PublicKeyword'] = 'PublicKeyword';
terminalKind['PureKeyword'] = 'PureKeyword';
terminalKind['QuestionMark'] = 'QuestionMark';
terminalKind['ReceiveKeyword'] = 'ReceiveKeyword';
terminalKind['ReferenceKeyword'] = 'ReferenceKeyword';
terminalKind['RelocatableKeyword'] = 'RelocatableKeyword';
terminalKind['ReturnKeyword'] = 'ReturnKeyword';
terminalKind['ReturnsKeyword'] = 'ReturnsKeyword';
terminalKind['RevertKeyword'] = 'RevertKeyword';
terminalKind['SealedKeyword'] = 'SealedKeyword';
terminalKind['SecondsKeyword'] = 'SecondsKeyword';
terminalKind['Semicolon'] = 'Semicolon';
terminalKind['SingleLineComment'] = 'SingleLineComment';
terminalKind['SingleLineNatSpecComment'] = 'SingleLineNatSpecComment';
terminalKind['SingleQuotedHexStringLiteral'] = 'SingleQuotedHexStringLiteral';
terminalKind['SingleQuotedStringLiteral'] = 'SingleQuotedStringLiteral';
terminalKind['SingleQuotedUnicodeStringLiteral'] = 'SingleQuotedUnicodeStringLiteral';
terminalKind['SingleQuotedVersionLiteral'] = 'SingleQuotedVersionLiteral';
terminalKind['SizeOfKeyword'] = 'SizeOfKeyword';
terminalKind['Slash'] = 'Slash';
terminalKind['SlashEqual'] = 'SlashEqual';
terminalKind['SolidityKeyword'] = 'SolidityKeyword';
terminalKind['StaticKeyword'] = 'StaticKeyword';
terminalKind['StorageKeyword'] = 'StorageKeyword';
terminalKind['StringKeyword'] = 'StringKeyword';
terminalKind['StructKeyword'] = 'StructKeyword';
terminalKind['SupportsKeyword'] = 'SupportsKeyword';
terminalKind['SwitchKeyword'] = 'SwitchKeyword';
terminalKind['SzaboKeyword'] = 'SzaboKeyword';
terminalKind['ThrowKeyword'] = 'ThrowKeyword';
terminalKind['Tilde'] = 'Tilde';
terminalKind['TransientKeyword'] = 'TransientKeyword';
terminalKind['TrueKeyword'] = 'TrueKeyword';
terminalKind['TryKeyword'] = 'TryKeyword';
terminalKind['TypeDefKeyword'] = 'TypeDefKeyword';
terminalKind['TypeKeyword'] = 'TypeKeyword';
terminalKind['TypeOfKeyword'] = 'TypeOfKeyword';
terminalKind['UfixedKeyword'] = 'UfixedKeyword';
terminalKind['UintKeyword'] = 'UintKeyword';
terminalKind['UncheckedKeyword'] = 'UncheckedKeyword';
terminalKind['UsingKeyword'] = 'UsingKeyword';
terminalKind['VarKeyword'] = 'VarKeyword';
terminalKind['VersionSpecifier'] = 'VersionSpecifier';
terminalKind['ViewKeyword'] = 'ViewKeyword';
terminalKind['VirtualKeyword'] = 'VirtualKeyword';
terminalKind['WeeksKeyword'] = 'WeeksKeyword';
terminalKind['WeiKeyword'] = 'WeiKeyword';
terminalKind['WhileKeyword'] = 'WhileKeyword';
terminalKind['Whitespace'] = 'Whitespace';
terminalKind['YearsKeyword'] = 'YearsKeyword';
terminalKind['YulAbstractKeyword'] = 'YulAbstractKeyword';
terminalKind['YulAddKeyword'] = 'YulAddKeyword';
terminalKind['YulAddModKeyword'] = 'YulAddModKeyword';
terminalKind['YulAddressKeyword'] = 'YulAddressKeyword';
terminalKind['YulAfterKeyword'] = 'YulAfterKeyword';
terminalKind['YulAliasKeyword'] = 'YulAliasKeyword';
terminalKind['YulAndKeyword'] = 'YulAndKeyword';
terminalKind['YulAnonymousKeyword'] = 'YulAnonymousKeyword';
terminalKind['YulApplyKeyword'] = 'YulApplyKeyword';
terminalKind['YulAsKeyword'] = 'YulAsKeyword';
terminalKind['YulAssemblyKeyword'] = 'YulAssemblyKeyword';
terminalKind['YulAutoKeyword'] = 'YulAutoKeyword';
terminalKind['YulBalanceKeyword'] = 'YulBalanceKeyword';
terminalKind['YulBaseFeeKeyword'] = 'YulBaseFeeKeyword';
terminalKind['YulBlobBaseFeeKeyword'] = 'YulBlobBaseFeeKeyword';
terminalKind['YulBlobHashKeyword'] = 'YulBlobHashKeyword';
terminalKind['YulBlockHashKeyword'] = 'YulBlockHashKeyword';
terminalKind['YulBoolKeyword'] = 'YulBoolKeyword';
terminalKind['YulBreakKeyword'] = 'YulBreakKeyword';
terminalKind['YulByteKeyword'] = 'YulByteKeyword';
terminalKind['YulBytesKeyword'] = 'YulBytesKeyword';
terminalKind['YulCallCodeKeyword'] = 'YulCallCodeKeyword';
terminalKind['YulCallDataCopyKeyword'] = 'YulCallDataCopyKeyword';
terminalKind['YulCallDataKeyword'] = 'YulCallDataKeyword';
terminalKind['YulCallDataLoadKeyword'] = 'YulCallDataLoadKeyword';
terminalKind['YulCallDataSizeKeyword'] = 'YulCallDataSizeKeyword';
terminalKind['YulCallKeyword'] = 'YulCallKeyword';
terminalKind['YulCallValueKeyword'] = 'YulCallValueKeyword';
terminalKind['YulCallerKeyword'] = 'YulCallerKeyword';
terminalKind['YulCaseKeyword'] = 'YulCaseKeyword';
terminalKind['YulCatchKeyword'] = 'YulCatchKeyword';
terminalKind['YulChainIdKeyword'] = 'YulChainIdKeyword';
terminalKind['YulCoinBaseKeyword'] = 'YulCoinBaseKeyword';
terminalKind['YulConstantKeyword'] = 'YulConstantKeyword';
terminalKind['YulConstructorKeyword'] = 'YulConstructorKeyword';
terminalKind['YulContinueKeyword'] = 'YulContinueKeyword';
terminalKind['YulContractKeyword'] = 'YulContractKeyword';
terminalKind['YulCopyOfKeyword'] = 'YulCopyOfKeyword';
terminalKind['YulCreate2Keyword'] = 'YulCreate2Keyword';
terminalKind['YulCreateKeyword'] = 'YulCreateKeyword';
terminalKind['YulDaysKeyword'] = 'YulDaysKeyword';
terminalKind['YulDecimalLiteral'] = 'YulDecimalLiteral';
terminalKind['YulDefaultKeyword'] = 'YulDefaultKeyword';
terminalKind['YulDefineKeyword'] = 'YulDefineKeyword';
terminalKind['YulDelegateCallKeyword'] = 'YulDelegateCallKeyword';
terminalKind['YulDeleteKeyword'] = 'YulDeleteKeyword';
terminalKind['YulDifficultyKeyword'] = 'YulDifficultyKeyword';
terminalKind['YulDivKeyword'] = 'YulDivKeyword';
terminalKind['YulDoKeyword'] = 'YulDoKeyword';
terminalKind['YulElseKeyword'] = 'YulElseKeyword';
terminalKind['YulEmitKeyword'] = 'YulEmitKeyword';
terminalKind['YulEnumKeyword'] = 'YulEnumKeyword';
terminalKind['YulEqKeyword'] = 'YulEqKeyword';
terminalKind['YulEtherKeyword'] = 'YulEtherKeyword';
terminalKind['YulEventKeyword'] = 'YulEventKeyword';
terminalKind['YulExpKeyword'] = 'YulExpKeyword';
terminalKind['YulExtCodeCopyKeyword'] = 'YulExtCodeCopyKeyword';
terminalKind['YulExtCodeHashKeyword'] = 'YulExtCodeHashKeyword';
terminalKind['YulExtCodeSizeKeyword'] = 'YulExtCodeSizeKeyword';
terminalKind['YulExternalKeyword'] = 'YulExternalKeyword';
terminalKind['YulFallbackKeyword'] = 'YulFallbackKeyword';
terminalKind['YulFalseKeyword'] = 'YulFalseKeyword';
terminalKind['YulFinalKeyword'] = 'YulFinalKeyword';
terminalKind['YulFinneyKeyword'] = 'YulFinneyKeyword';
terminalKind['YulFixedKeyword'] = 'YulFixedKeyword';
terminalKind['YulForKeyword'] = 'YulForKeyword';
terminalKind['YulFunctionKeyword'] = 'YulFunctionKeyword';
terminalKind['YulGasKeyword'] = 'YulGasKeyword';
terminalKind['YulGasLimitKeyword'] = 'YulGasLimitKeyword';
terminalKind['YulGasPriceKeyword'] = 'YulGasPriceKeyword';
terminalKind['YulGtKeyword'] = 'YulGtKeyword';
terminalKind['YulGweiKeyword'] = 'YulGweiKeyword';
terminalKind['YulHexKeyword'] = 'YulHexKeyword';
terminalKind['YulHexLiteral'] = 'YulHexLiteral';
terminalKind['YulHoursKeyword'] = 'YulHoursKeyword';
terminalKind['YulIdentifier'] = 'YulIdentifier';
terminalKind['YulIfKeyword'] = 'YulIfKeyword';
terminalKind['YulImmutableKeyword'] = 'YulImmutableKeyword';
terminalKind['YulImplementsKeyword'] = 'YulImplementsKeyword';
terminalKind['YulImportKeyword'] = 'YulImportKeyword';
terminalKind['YulInKeyword'] = 'YulInKeyword';
terminalKind['YulIndexedKeyword'] = 'YulIndexedKeyword';
terminalKind['YulInlineKeyword'] = 'YulInlineKeyword';
terminalKind['YulIntKeyword'] = 'YulIntKeyword';
terminalKind['YulInterfaceKeyword'] = 'YulInterfaceKeyword';
terminalKind['YulInternalKeyword'] = 'YulInternalKeyword';
terminalKind['YulInvalidKeyword'] = 'YulInvalidKeyword';
terminalKind['YulIsKeyword'] = 'YulIsKeyword';
terminalKind['YulIsZeroKeyword'] = 'YulIsZeroKeyword';
terminalKind['YulKeccak256Keyword'] = 'YulKeccak256Keyword';
terminalKind['YulLeaveKeyword'] = 'YulLeaveKeyword';
terminalKind['YulLetKeyword'] = 'YulLetKeyword';
terminalKind['YulLibraryKeyword'] = 'YulLibraryKeyword';
terminalKind['YulLog0Keyword'] = 'YulLog0Keyword';
terminalKind['YulLog1Keyword'] = 'YulLog1Keyword';
terminalKind['YulLog2Keyword'] = 'YulLog2Keyword';
terminalKind['YulLog3Keyword'] = 'YulLog3Keyword';
terminalKind['YulLog4Keyword'] = 'YulLog4Keyword';
terminalKind['YulLtKeyword'] = 'YulLtKeyword';
terminalKind['YulMcopyKeyword'] = 'YulMcopyKeyword';
terminalKind['YulMloadKeyword'] = 'YulMloadKeyword';
terminalKind['YulMsizeKeyword'] = 'YulMsizeKeyword';
terminalKind['YulMstore8Keyword'] = 'YulMstore8Keyword';
terminalKind['YulMstoreKeyword'] = 'YulMstoreKeyword';
terminalKind['YulMacroKeyword'] = 'YulMacroKeyword';
terminalKind['YulMappingKeyword'] = 'YulMappingKeyword';
terminalKind['YulMatchKeyword'] = 'YulMatchKeyword';
terminalKind['YulMemoryKeyword'] = 'YulMemoryKeyword';
terminalKind['YulMinutesKeyword'] = 'YulMinutesKeyword';
terminalKind['YulModKeyword'] = 'YulModKeyword';
terminalKind['YulModifierKeyword'] = 'YulModifierKeyword';
terminalKind['YulMulKeyword'] = 'YulMulKeyword';
terminalKind['YulMulModKeyword'] = 'YulMulModKeyword';
terminalKind['YulMutableKeyword'] = 'YulMutableKeyword';
terminalKind['YulNewKeyword'] = 'YulNewKeyword';
terminalKind['YulNotKeyword'] = 'YulNotKeyword';
terminalKind['YulNullKeyword'] = 'YulNullKeyword';
terminalKind['YulNumberKeyword'] = 'YulNumberKeyword';
terminalKind['YulOfKeyword'] = 'YulOfKeyword';
terminalKind['YulOrKeyword'] = 'YulOrKeyword';
terminalKind['YulOriginKeyword'] = 'YulOriginKeyword';
terminalKind['YulOverrideKeyword'] = 'YulOverrideKeyword';
terminalKind['YulPartialKeyword'] = 'YulPartialKeyword';
terminalKind['YulPayableKeyword'] = 'YulPayableKeyword';
terminalKind['YulPopKeyword'] = 'YulPopKeyword';
terminalKind['YulPragmaKeyword'] = 'YulPragmaKeyword';
terminalKind['YulPrevRandaoKeyword'] = 'YulPrevRandaoKeyword';
terminalKind['YulPrivateKeyword'] = 'YulPrivateKeyword';
terminalKind['YulPromiseKeyword'] = 'YulPromiseKeyword';
terminalKind['YulPublicKeyword'] = 'YulPublicKeyword';
terminalKind['YulPureKeyword'] = 'YulPureKeyword';
terminalKind['YulReceiveKeyword'] = 'YulReceiveKeyword';
terminalKind['YulReferenceKeyword'] = 'YulReferenceKeyword';
terminalKind['YulRelocatableKeyword'] = 'YulRelocatableKeyword';
terminalKind['YulReturnDataCopyKeyword'] = 'YulReturnDataCopyKeyword';
terminalKind['YulReturnDataSizeKeyword'] = 'YulReturnDataSizeKeyword';
terminalKind['YulReturnKeyword'] = 'YulReturnKeyword';
terminalKind['YulReturnsKeyword'] = 'YulReturnsKeyword';
terminalKind['YulRevertKeyword'] = 'YulRevertKeyword';
terminalKind['YulSdivKeyword'] = 'YulSdivKeyword';
terminalKind['YulSloadKeyword'] = 'YulSloadKeyword';
terminalKind['YulSmodKeyword'] = 'YulSmodKeyword';
terminalKind['YulSstoreKeyword'] = 'YulSstoreKeyword';
terminalKind['YulSarKeyword'] = 'YulSarKeyword';
terminalKind['YulSealedKeyword'] = 'YulSealedKeyword';
terminalKind['YulSecondsKeyword'] = 'YulSecondsKeyword';
terminalKind['YulSelfBalanceKeyword'] = 'YulSelfBalanceKeyword';
terminalKind['YulSelfDestructKeyword'] = 'YulSelfDestructKeyword';
terminalKind['YulSgtKeyword'] = 'YulSgtKeyword';
terminalKind['YulSha3Keyword'] = 'YulSha3Keyword';
terminalKind['YulShlKeyword'] = 'YulShlKeyword';
terminalKind['YulShrKeyword'] = 'YulShrKeyword';
terminalKind['YulSignExtendKeyword'] = 'YulSignExtendKeyword';
terminalKind['YulSizeOfKeyword'] = 'YulSizeOfKeyword';
terminalKind['YulSltKeyword'] = 'YulSltKeyword';
terminalKind['YulStaticCallKeyword'] = 'YulStaticCallKeyword';
terminalKind['YulStaticKeyword'] = 'YulStaticKeyword';
terminalKind['YulStopKeyword'] = 'YulStopKeyword';
terminalKind['YulStorageKeyword'] = 'YulStorageKeyword';
terminalKind['YulStringKeyword'] = 'YulStringKeyword';
terminalKind['YulStructKeyword'] = 'YulStructKeyword';
terminalKind['YulSubKeyword'] = 'YulSubKeyword';
terminalKind['YulSuicideKeyword'] = 'YulSuicideKeyword';
terminalKind['YulSupportsKeyword'] = 'YulSupportsKeyword';
terminalKind['YulSwitchKeyword'] = 'YulSwitchKeyword';
terminalKind['YulSzaboKeyword'] = 'YulSzaboKeyword';
terminalKind['YulTloadKeyword'] = 'YulTloadKeyword';
terminalKind['YulTstoreKeyword'] = 'YulTstoreKeyword';
terminalKind['YulThrowKeyword'] = 'YulThrowKeyword';
terminalKind['YulTimestampKeyword'] = 'YulTimestampKeyword';
terminalKind['YulTrueKeyword'] = 'YulTrueKeyword';
terminalKind['YulTryKeyword'] = 'YulTryKeyword';
terminalKind['YulTypeDefKeyword'] = 'YulTypeDefKeyword';
terminalKind['YulTypeKeyword'] = 'YulTypeKeyword';
terminalKind['YulTypeOfKeyword'] = 'YulTypeOfKeyword';
terminalKind['YulUfixedKeyword'] = 'YulUfixedKeyword';
terminalKind['YulUintKeyword'] = 'YulUintKeyword';
terminalKind['YulUncheckedKeyword'] = 'YulUncheckedKeyword';
terminalKind['YulUsingKeyword'] = 'YulUsingKeyword';
terminalKind['YulVarKeyword'] = 'YulVarKeyword';
terminalKind['YulViewKeyword'] = 'YulViewKeyword';
terminalKind['YulVirtualKeyword'] = 'YulVirtualKeyword';
terminalKind['YulWeeksKeyword'] = 'YulWeeksKeyword';
terminalKind['YulWeiKeyword'] = 'YulWeiKeyword';
terminalKind['YulWhileKeyword'] = 'YulWhileKeyword';
terminalKind['YulXorKeyword'] = 'YulXorKeyword';
terminalKind['YulYearsKeyword'] = 'YulYearsKeyword';

var terminalKindCABI = {};
terminalKindCABI[terminalKindCABI['Unrecognized'] = 0] = 'Unrecognized';
terminalKindCABI[terminalKindCABI['Missing'] = 1] = 'Missing';
terminalKindCABI[terminalKindCABI['AbicoderKeyword'] = 2] = 'AbicoderKeyword';
terminalKindCABI[terminalKindCABI['AbstractKeyword'] = 3] = 'AbstractKeyword';
terminalKindCABI[terminalKindCABI['AddressKeyword'] = 4] = 'AddressKeyword';
terminalKindCABI[terminalKindCABI['AfterKeyword'] = 5] = 'AfterKeyword';
terminalKindCABI[terminalKindCABI['AliasKeyword'] = 6] = 'AliasKeyword';
terminalKindCABI[terminalKindCABI['Ampersand'] = 7] = 'Ampersand';
terminalKindCABI[terminalKindCABI['AmpersandAmpersand'] = 8] = 'AmpersandAmpersand';
terminalKindCABI[terminalKindCABI['AmpersandEqual'] = 9] = 'AmpersandEqual';
terminalKindCABI[terminalKindCABI['AnonymousKeyword'] = 10] = 'AnonymousKeyword';
terminalKindCABI[terminalKindCABI['ApplyKeyword'] = 11] = 'ApplyKeyword';
terminalKindCABI[terminalKindCABI['AsKeyword'] = 12] = 'AsKeyword';
terminalKindCABI[terminalKindCABI['AssemblyKeyword'] = 13] = 'AssemblyKeyword';
terminalKindCABI[terminalKindCABI['Asterisk'] = 14] = 'Asterisk';
terminalKindCABI[terminalKindCABI['AsteriskAsterisk'] = 15] = 'AsteriskAsterisk';
terminalKindCABI[terminalKindCABI['AsteriskEqual'] = 16] = 'AsteriskEqual';
terminalKindCABI[terminalKindCABI['AutoKeyword'] = 17] = 'AutoKeyword';
terminalKindCABI[terminalKindCABI['Bang'] = 18] = 'Bang';
terminalKindCABI[terminalKindCABI['BangEqual'] = 19] = 'BangEqual';
terminalKindCABI[terminalKindCABI['Bar'] = 20] = 'Bar';
terminalKindCABI[terminalKindCABI['BarBar'] = 21] = 'BarBar';
terminalKindCABI[terminalKindCABI['BarEqual'] = 22] = 'BarEqual';
terminalKindCABI[terminalKindCABI['BoolKeyword'] = 23] = 'BoolKeyword';
terminalKindCABI[terminalKindCABI['BreakKeyword'] = 24] = 'BreakKeyword';
terminalKindCABI[terminalKindCABI['ByteKeyword'] = 25] = 'ByteKeyword';
terminalKindCABI[terminalKindCABI['BytesKeyword'] = 26] = 'BytesKeyword';
terminalKindCABI[terminalKindCABI['CallDataKeyword'] = 27] = 'CallDataKeyword';
terminalKindCABI[terminalKindCABI['Caret'] = 28] = 'Caret';
terminalKindCABI[terminalKindCABI['CaretEqual'] = 29] = 'CaretEqual';
terminalKindCABI[terminalKindCABI['CaseKeyword'] = 30] = 'CaseKeyword';
terminalKindCABI[terminalKindCABI['CatchKeyword'] = 31] = 'CatchKeyword';
terminalKindCABI[terminalKindCABI['CloseBrace'] = 32] = 'CloseBrace';
terminalKindCABI[terminalKindCABI['CloseBracket'] = 33] = 'CloseBracket';
terminalKindCABI[terminalKindCABI['CloseParen'] = 34] = 'CloseParen';
terminalKindCABI[terminalKindCABI['Colon'] = 35] = 'Colon';
terminalKindCABI[terminalKindCABI['ColonEqual'] = 36] = 'ColonEqual';
terminalKindCABI[terminalKindCABI['Comma'] = 37] = 'Comma';
terminalKindCABI[terminalKindCABI['ConstantKeyword'] = 38] = 'ConstantKeyword';
terminalKindCABI[terminalKindCABI['ConstructorKeyword'] = 39] = 'ConstructorKeyword';
terminalKindCABI[terminalKindCABI['ContinueKeyword'] = 40] = 'ContinueKeyword';
terminalKindCABI[terminalKindCABI['ContractKeyword'] = 41] = 'ContractKeyword';
terminalKindCABI[terminalKindCABI['CopyOfKeyword'] = 42] = 'CopyOfKeyword';
terminalKindCABI[terminalKindCABI['DaysKeyword'] = 43] = 'DaysKeyword';
terminalKindCABI[terminalKindCABI['DecimalLiteral'] = 44] = 'DecimalLiteral';
terminalKindCABI[terminalKindCABI['DefaultKeyword'] = 45] = 'DefaultKeyword';
terminalKindCABI[terminalKindCABI['DefineKeyword'] = 46] = 'DefineKeyword';
terminalKindCABI[terminalKindCABI['DeleteKeyword'] = 47] = 'DeleteKeyword';
terminalKindCABI[terminalKindCABI['DoKeyword'] = 48] = 'DoKeyword';
terminalKindCABI[terminalKindCABI['DoubleQuotedHexStringLiteral'] = 49] = 'DoubleQuotedHexStringLiteral';
terminalKindCABI[terminalKindCABI['DoubleQuotedStringLiteral'] = 50] = 'DoubleQuotedStringLiteral';
terminalKindCABI[terminalKindCABI['DoubleQuotedUnicodeStringLiteral'] = 51] = 'DoubleQuotedUnicodeStringLiteral';
terminalKindCABI[terminalKindCABI['DoubleQuotedVersionLiteral'] = 52] = 'DoubleQuotedVersionLiteral';
terminalKindCABI[terminalKindCABI['ElseKeyword'] = 53] = 'ElseKeyword';
terminalKindCABI[terminalKindCABI['EmitKeyword'] = 54] = 'EmitKeyword';
terminalKindCABI[terminalKindCABI['EndOfLine'] = 55] = 'EndOfLine';
terminalKindCABI[terminalKindCABI['EnumKeyword'] = 56] = 'EnumKeyword';
terminalKindCABI[terminalKindCABI['Equal'] = 57] = 'Equal';
terminalKindCABI[terminalKindCABI['EqualColon'] = 58] = 'EqualColon';
terminalKindCABI[terminalKindCABI['EqualEqual'] = 59] = 'EqualEqual';
terminalKindCABI[terminalKindCABI['EqualGreaterThan'] = 60] = 'EqualGreaterThan';
terminalKindCABI[terminalKindCABI['ErrorKeyword'] = 61] = 'ErrorKeyword';
terminalKindCABI[terminalKindCABI['EtherKeyword'] = 62] = 'EtherKeyword';
terminalKindCABI[terminalKindCABI['EventKeyword'] = 63] = 'EventKeyword';
terminalKindCABI[terminalKindCABI['ExperimentalKeyword'] = 64] = 'ExperimentalKeyword';
terminalKindCABI[terminalKindCABI['ExternalKeyword'] = 65] = 'ExternalKeyword';
terminalKindCABI[terminalKindCABI['FallbackKeyword'] = 66] = 'FallbackKeyword';
terminalKindCABI[terminalKindCABI['FalseKeyword'] = 67] = 'FalseKeyword';
terminalKindCABI[terminalKindCABI['FinalKeyword'] = 68] = 'FinalKeyword';
terminalKindCABI[terminalKindCABI['FinneyKeyword'] = 69] = 'FinneyKeyword';
terminalKindCABI[terminalKindCABI['FixedKeyword'] = 70] = 'FixedKeyword';
terminalKindCABI[terminalKindCABI['ForKeyword'] = 71] = 'ForKeyword';
terminalKindCABI[terminalKindCABI['FromKeyword'] = 72] = 'FromKeyword';
terminalKindCABI[terminalKindCABI['FunctionKeyword'] = 73] = 'FunctionKeyword';
terminalKindCABI[terminalKindCABI['GlobalKeyword'] = 74] = 'GlobalKeyword';
terminalKindCABI[terminalKindCABI['GreaterThan'] = 75] = 'GreaterThan';
terminalKindCABI[terminalKindCABI['GreaterThanEqual'] = 76] = 'GreaterThanEqual';
terminalKindCABI[terminalKindCABI['GreaterThanGreaterThan'] = 77] = 'GreaterThanGreaterThan';
terminalKindCABI[terminalKindCABI['GreaterThanGreaterThanEqual'] = 78] = 'GreaterThanGreaterThanEqual';
terminalKindCABI[terminalKindCABI['GreaterThanGreaterThanGreaterThan'] = 79] = 'GreaterThanGreaterThanGreaterThan';
terminalKindCABI[terminalKindCABI['GreaterThanGreaterThanGreaterThanEqual'] = 80] = 'GreaterThanGreaterThanGreaterThanEqual';
terminalKindCABI[terminalKindCABI['GweiKeyword'] = 81] = 'GweiKeyword';
terminalKindCABI[terminalKindCABI['HexKeyword'] = 82] = 'HexKeyword';
terminalKindCABI[terminalKindCABI['HexLiteral'] = 83] = 'HexLiteral';
terminalKindCABI[terminalKindCABI['HoursKeyword'] = 84] = 'HoursKeyword';
terminalKindCABI[terminalKindCABI['Identifier'] = 85] = 'Identifier';
terminalKindCABI[terminalKindCABI['IfKeyword'] = 86] = 'IfKeyword';
terminalKindCABI[terminalKindCABI['ImmutableKeyword'] = 87] = 'ImmutableKeyword';
terminalKindCABI[terminalKindCABI['ImplementsKeyword'] = 88] = 'ImplementsKeyword';
terminalKindCABI[terminalKindCABI['ImportKeyword'] = 89] = 'ImportKeyword';
terminalKindCABI[terminalKindCABI['InKeyword'] = 90] = 'InKeyword';
terminalKindCABI[terminalKindCABI['IndexedKeyword'] = 91] = 'IndexedKeyword';
terminalKindCABI[terminalKindCABI['InlineKeyword'] = 92] = 'InlineKeyword';
terminalKindCABI[terminalKindCABI['IntKeyword'] = 93] = 'IntKeyword';
terminalKindCABI[terminalKindCABI['InterfaceKeyword'] = 94] = 'InterfaceKeyword';
terminalKindCABI[terminalKindCABI['InternalKeyword'] = 95] = 'InternalKeyword';
terminalKindCABI[terminalKindCABI['IsKeyword'] = 96] = 'IsKeyword';
terminalKindCABI[terminalKindCABI['LessThan'] = 97] = 'LessThan';
terminalKindCABI[terminalKindCABI['LessThanEqual'] = 98] = 'LessThanEqual';
terminalKindCABI[terminalKindCABI['LessThanLessThan'] = 99] = 'LessThanLessThan';
terminalKindCABI[terminalKindCABI['LessThanLessThanEqual'] = 100] = 'LessThanLessThanEqual';
terminalKindCABI[terminalKindCABI['LetKeyword'] = 101] = 'LetKeyword';
terminalKindCABI[terminalKindCABI['LibraryKeyword'] = 102] = 'LibraryKeyword';
terminalKindCABI[terminalKindCABI['MacroKeyword'] = 103] = 'MacroKeyword';
terminalKindCABI[terminalKindCABI['MappingKeyword'] = 104] = 'MappingKeyword';
terminalKindCABI[terminalKindCABI['MatchKeyword'] = 105] = 'MatchKeyword';
terminalKindCABI[terminalKindCABI['MemoryKeyword'] = 106] = 'MemoryKeyword';
terminalKindCABI[terminalKindCABI['Minus'] = 107] = 'Minus';
terminalKindCABI[terminalKindCABI['MinusEqual'] = 108] = 'MinusEqual';
terminalKindCABI[terminalKindCABI['MinusGreaterThan'] = 109] = 'MinusGreaterThan';
terminalKindCABI[terminalKindCABI['MinusMinus'] = 110] = 'MinusMinus';
terminalKindCABI[terminalKindCABI['MinutesKeyword'] = 111] = 'MinutesKeyword';
terminalKindCABI[terminalKindCABI['ModifierKeyword'] = 112] = 'ModifierKeyword';
terminalKindCABI[terminalKindCABI['MultiLineComment'] = 113] = 'MultiLineComment';
terminalKindCABI[terminalKindCABI['MultiLineNatSpecComment'] = 114] = 'MultiLineNatSpecComment';
terminalKindCABI[terminalKindCABI['MutableKeyword'] = 115] = 'MutableKeyword';
terminalKindCABI[terminalKindCABI['NewKeyword'] = 116] = 'NewKeyword';
terminalKindCABI[terminalKindCABI['NullKeyword'] = 117] = 'NullKeyword';
terminalKindCABI[terminalKindCABI['OfKeyword'] = 118] = 'OfKeyword';
terminalKindCABI[terminalKindCABI['OpenBrace'] = 119] = 'OpenBrace';
terminalKindCABI[terminalKindCABI['OpenBracket'] = 120] = 'OpenBracket';
terminalKindCABI[terminalKindCABI['OpenParen'] = 121] = 'OpenParen';
terminalKindCABI[terminalKindCABI['OverrideKeyword'] = 122] = 'OverrideKeyword';
terminalKindCABI[terminalKindCABI['PartialKeyword'] = 123] = 'PartialKeyword';
terminalKindCABI[terminalKindCABI['PayableKeyword'] = 124] = 'PayableKeyword';
terminalKindCABI[terminalKindCABI['Percent'] = 125] = 'Percent';
terminalKindCABI[terminalKindCABI['PercentEqual'] = 126] = 'PercentEqual';
terminalKindCABI[terminalKindCABI['Period'] = 127] = 'Period';
terminalKindCABI[terminalKindCABI['Plus'] = 128] = 'Plus';
terminalKindCABI[terminalKindCABI['PlusEqual'] = 129] = 'PlusEqual';
terminalKindCABI[terminalKindCABI['PlusPlus'] = 130] = 'PlusPlus';
terminalKindCABI[terminalKindCABI['PragmaKeyword'] = 131] = 'PragmaKeyword';
terminalKindCABI[terminalKindCABI['PrivateKeyword'] = 132] = 'PrivateKeyword';
terminalKindCABI[terminalKindCABI['PromiseKeyword'] = 133] = 'PromiseKeyword';
terminalKindCABI[terminalKindCABI['PublicKeyword'] = 134] = 'PublicKeyword';
terminalKindCABI[terminalKindCABI['PureKeyword'] = 135] = 'PureKeyword';
terminalKindCABI[terminalKindCABI['QuestionMark'] = 136] = 'QuestionMark';
terminalKindCABI[terminalKindCABI['ReceiveKeyword'] = 137] = 'ReceiveKeyword';
terminalKindCABI[terminalKindCABI['ReferenceKeyword'] = 138] = 'ReferenceKeyword';
terminalKindCABI[terminalKindCABI['RelocatableKeyword'] = 139] = 'RelocatableKeyword';
terminalKindCABI[terminalKindCABI['ReturnKeyword'] = 140] = 'ReturnKeyword';
terminalKindCABI[terminalKindCABI['ReturnsKeyword'] = 141] = 'ReturnsKeyword';
terminalKindCABI[terminalKindCABI['RevertKeyword'] = 142] = 'RevertKeyword';
terminalKindCABI[terminalKindCABI['SealedKeyword'] = 143] = 'SealedKeyword';
terminalKindCABI[terminalKindCABI['SecondsKeyword'] = 144] = 'SecondsKeyword';
terminalKindCABI[terminalKindCABI['Semicolon'] = 145] = 'Semicolon';
terminalKindCABI[terminalKindCABI['SingleLineComment'] = 146] = 'SingleLineComment';
terminalKindCABI[terminalKindCABI['SingleLineNatSpecComment'] = 147] = 'SingleLineNatSpecComment';
terminalKindCABI[terminalKindCABI['SingleQuotedHexStringLiteral'] = 148] = 'SingleQuotedHexStringLiteral';
terminalKindCABI[terminalKindCABI['SingleQuotedStringLiteral'] = 149] = 'SingleQuotedStringLiteral';
terminalKindCABI[terminalKindCABI['SingleQuotedUnicodeStringLiteral'] = 150] = 'SingleQuotedUnicodeStringLiteral';
terminalKindCABI[terminalKindCABI['SingleQuotedVersionLiteral'] = 151] = 'SingleQuotedVersionLiteral';
terminalKindCABI[terminalKindCABI['SizeOfKeyword'] = 152] = 'SizeOfKeyword';
terminalKindCABI[terminalKindCABI['Slash'] = 153] = 'Slash';
terminalKindCABI[terminalKindCABI['SlashEqual'] = 154] = 'SlashEqual';
terminalKindCABI[terminalKindCABI['SolidityKeyword'] = 155] = 'SolidityKeyword';
terminalKindCABI[terminalKindCABI['StaticKeyword'] = 156] = 'StaticKeyword';
terminalKindCABI[terminalKindCABI['StorageKeyword'] = 157] = 'StorageKeyword';
terminalKindCABI[terminalKindCABI['StringKeyword'] = 158] = 'StringKeyword';
terminalKindCABI[terminalKindCABI['StructKeyword'] = 159] = 'StructKeyword';
terminalKindCABI[terminalKindCABI['SupportsKeyword'] = 160] = 'SupportsKeyword';
terminalKindCABI[terminalKindCABI['SwitchKeyword'] = 161] = 'SwitchKeyword';
terminalKindCABI[terminalKindCABI['SzaboKeyword'] = 162] = 'SzaboKeyword';
terminalKindCABI[terminalKindCABI['ThrowKeyword'] = 163] = 'ThrowKeyword';
terminalKindCABI[terminalKindCABI['Tilde'] = 164] = 'Tilde';
terminalKindCABI[terminalKindCABI['TransientKeyword'] = 165] = 'TransientKeyword';
terminalKindCABI[terminalKindCABI['TrueKeyword'] = 166] = 'TrueKeyword';
terminalKindCABI[terminalKindCABI['TryKeyword'] = 167] = 'TryKeyword';
terminalKindCABI[terminalKindCABI['TypeDefKeyword'] = 168] = 'TypeDefKeyword';
terminalKindCABI[terminalKindCABI['TypeKeyword'] = 169] = 'TypeKeyword';
terminalKindCABI[terminalKindCABI['TypeOfKeyword'] = 170] = 'TypeOfKeyword';
terminalKindCABI[terminalKindCABI['UfixedKeyword'] = 171] = 'UfixedKeyword';
terminalKindCABI[terminalKindCABI['UintKeyword'] = 172] = 'UintKeyword';
terminalKindCABI[terminalKindCABI['UncheckedKeyword'] = 173] = 'UncheckedKeyword';
terminalKindCABI[terminalKindCABI['UsingKeyword'] = 174] = 'UsingKeyword';
terminalKindCABI[terminalKindCABI['VarKeyword'] = 175] = 'VarKeyword';
terminalKindCABI[terminalKindCABI['VersionSpecifier'] = 176] = 'VersionSpecifier';
terminalKindCABI[terminalKindCABI['ViewKeyword'] = 177] = 'ViewKeyword';
terminalKindCABI[terminalKindCABI['VirtualKeyword'] = 178] = 'VirtualKeyword';
terminalKindCABI[terminalKindCABI['WeeksKeyword'] = 179] = 'WeeksKeyword';
terminalKindCABI[terminalKindCABI['WeiKeyword'] = 180] = 'WeiKeyword';
terminalKindCABI[terminalKindCABI['WhileKeyword'] = 181] = 'WhileKeyword';
terminalKindCABI[terminalKindCABI['Whitespace'] = 182] = 'Whitespace';
terminalKindCABI[terminalKindCABI['YearsKeyword'] = 183] = 'YearsKeyword';
terminalKindCABI[terminalKindCABI['YulAbstractKeyword'] = 184] = 'YulAbstractKeyword';
terminalKindCABI[terminalKindCABI['YulAddKeyword'] = 185] = 'YulAddKeyword';
terminalKindCABI[terminalKindCABI['YulAddModKeyword'] = 186] = 'YulAddModKeyword';
terminalKindCABI[terminalKindCABI['YulAddressKeyword'] = 187] = 'YulAddressKeyword';
terminalKindCABI[terminalKindCABI['YulAfterKeyword'] = 188] = 'YulAfterKeyword';
terminalKindCABI[terminalKindCABI['YulAliasKeyword'] = 189] = 'YulAliasKeyword';
terminalKindCABI[terminalKindCABI['YulAndKeyword'] = 190] = 'YulAndKeyword';
terminalKindCABI[terminalKindCABI['YulAnonymousKeyword'] = 191] = 'YulAnonymousKeyword';
terminalKindCABI[terminalKindCABI['YulApplyKeyword'] = 192] = 'YulApplyKeyword';
terminalKindCABI[terminalKindCABI['YulAsKeyword'] = 193] = 'YulAsKeyword';
terminalKindCABI[terminalKindCABI['YulAssemblyKeyword'] = 194] = 'YulAssemblyKeyword';
terminalKindCABI[terminalKindCABI['YulAutoKeyword'] = 195] = 'YulAutoKeyword';
terminalKindCABI[terminalKindCABI['YulBalanceKeyword'] = 196] = 'YulBalanceKeyword';
terminalKindCABI[terminalKindCABI['YulBaseFeeKeyword'] = 197] = 'YulBaseFeeKeyword';
terminalKindCABI[terminalKindCABI['YulBlobBaseFeeKeyword'] = 198] = 'YulBlobBaseFeeKeyword';
terminalKindCABI[terminalKindCABI['YulBlobHashKeyword'] = 199] = 'YulBlobHashKeyword';
terminalKindCABI[terminalKindCABI['YulBlockHashKeyword'] = 200] = 'YulBlockHashKeyword';
terminalKindCABI[terminalKindCABI['YulBoolKeyword'] = 201] = 'YulBoolKeyword';
terminalKindCABI[terminalKindCABI['YulBreakKeyword'] = 202] = 'YulBreakKeyword';
terminalKindCABI[terminalKindCABI['YulByteKeyword'] = 203] = 'YulByteKeyword';
terminalKindCABI[terminalKindCABI['YulBytesKeyword'] = 204] = 'YulBytesKeyword';
terminalKindCABI[terminalKindCABI['YulCallCodeKeyword'] = 205] = 'YulCallCodeKeyword';
terminalKindCABI[terminalKindCABI['YulCallDataCopyKeyword'] = 206] = 'YulCallDataCopyKeyword';
terminalKindCABI[terminalKindCABI['YulCallDataKeyword'] = 207] = 'YulCallDataKeyword';
terminalKindCABI[terminalKindCABI['YulCallDataLoadKeyword'] = 208] = 'YulCallDataLoadKeyword';
terminalKindCABI[terminalKindCABI['YulCallDataSizeKeyword'] = 209] = 'YulCallDataSizeKeyword';
terminalKindCABI[terminalKindCABI['YulCallKeyword'] = 210] = 'YulCallKeyword';
terminalKindCABI[terminalKindCABI['YulCallValueKeyword'] = 211] = 'YulCallValueKeyword';
terminalKindCABI[terminalKindCABI['YulCallerKeyword'] = 212] = 'YulCallerKeyword';
terminalKindCABI[terminalKindCABI['YulCaseKeyword'] = 213] = 'YulCaseKeyword';
terminalKindCABI[terminalKindCABI['YulCatchKeyword'] = 214] = 'YulCatchKeyword';
terminalKindCABI[terminalKindCABI['YulChainIdKeyword'] = 215] = 'YulChainIdKeyword';
terminalKindCABI[terminalKindCABI['YulCoinBaseKeyword'] = 216] = 'YulCoinBaseKeyword';
terminalKindCABI[terminalKindCABI['YulConstantKeyword'] = 217] = 'YulConstantKeyword';
terminalKindCABI[terminalKindCABI['YulConstructorKeyword'] = 218] = 'YulConstructorKeyword';
terminalKindCABI[terminalKindCABI['YulContinueKeyword'] = 219] = 'YulContinueKeyword';
terminalKindCABI[terminalKindCABI['YulContractKeyword'] = 220] = 'YulContractKeyword';
terminalKindCABI[terminalKindCABI['YulCopyOfKeyword'] = 221] = 'YulCopyOfKeyword';
terminalKindCABI[terminalKindCABI['YulCreate2Keyword'] = 222] = 'YulCreate2Keyword';
terminalKindCABI[terminalKindCABI['YulCreateKeyword'] = 223] = 'YulCreateKeyword';
terminalKindCABI[terminalKindCABI['YulDaysKeyword'] = 224] = 'YulDaysKeyword';
terminalKindCABI[terminalKindCABI['YulDecimalLiteral'] = 225] = 'YulDecimalLiteral';
terminalKindCABI[terminalKindCABI['YulDefaultKeyword'] = 226] = 'YulDefaultKeyword';
terminalKindCABI[terminalKindCABI['YulDefineKeyword'] = 227] = 'YulDefineKeyword';
terminalKindCABI[terminalKindCABI['YulDelegateCallKeyword'] = 228] = 'YulDelegateCallKeyword';
terminalKindCABI[terminalKindCABI['YulDeleteKeyword'] = 229] = 'YulDeleteKeyword';
terminalKindCABI[terminalKindCABI['YulDifficultyKeyword'] = 230] = 'YulDifficultyKeyword';
terminalKindCABI[terminalKindCABI['YulDivKeyword'] = 231] = 'YulDivKeyword';
terminalKindCABI[terminalKindCABI['YulDoKeyword'] = 232] = 'YulDoKeyword';
terminalKindCABI[terminalKindCABI['YulElseKeyword'] = 233] = 'YulElseKeyword';
terminalKindCABI[terminalKindCABI['YulEmitKeyword'] = 234] = 'YulEmitKeyword';
terminalKindCABI[terminalKindCABI['YulEnumKeyword'] = 235] = 'YulEnumKeyword';
terminalKindCABI[terminalKindCABI['YulEqKeyword'] = 236] = 'YulEqKeyword';
terminalKindCABI[terminalKindCABI['YulEtherKeyword'] = 237] = 'YulEtherKeyword';
terminalKindCABI[terminalKindCABI['YulEventKeyword'] = 238] = 'YulEventKeyword';
terminalKindCABI[terminalKindCABI['YulExpKeyword'] = 239] = 'YulExpKeyword';
terminalKindCABI[terminalKindCABI['YulExtCodeCopyKeyword'] = 240] = 'YulExtCodeCopyKeyword';
terminalKindCABI[terminalKindCABI['YulExtCodeHashKeyword'] = 241] = 'YulExtCodeHashKeyword';
terminalKindCABI[terminalKindCABI['YulExtCodeSizeKeyword'] = 242] = 'YulExtCodeSizeKeyword';
terminalKindCABI[terminalKindCABI['YulExternalKeyword'] = 243] = 'YulExternalKeyword';
terminalKindCABI[terminalKindCABI['YulFallbackKeyword'] = 244] = 'YulFallbackKeyword';
terminalKindCABI[terminalKindCABI['YulFalseKeyword'] = 245] = 'YulFalseKeyword';
terminalKindCABI[terminalKindCABI['YulFinalKeyword'] = 246] = 'YulFinalKeyword';
terminalKindCABI[terminalKindCABI['YulFinneyKeyword'] = 247] = 'YulFinneyKeyword';
terminalKindCABI[terminalKindCABI['YulFixedKeyword'] = 248] = 'YulFixedKeyword';
terminalKindCABI[terminalKindCABI['YulForKeyword'] = 249] = 'YulForKeyword';
terminalKindCABI[terminalKindCABI['YulFunctionKeyword'] = 250] = 'YulFunctionKeyword';
terminalKindCABI[terminalKindCABI['YulGasKeyword'] = 251] = 'YulGasKeyword';
terminalKindCABI[terminalKindCABI['YulGasLimitKeyword'] = 252] = 'YulGasLimitKeyword';
terminalKindCABI[terminalKindCABI['YulGasPriceKeyword'] = 253] = 'YulGasPriceKeyword';
terminalKindCABI[terminalKindCABI['YulGtKeyword'] = 254] = 'YulGtKeyword';
terminalKindCABI[terminalKindCABI['YulGweiKeyword'] = 255] = 'YulGweiKeyword';
terminalKindCABI[terminalKindCABI['YulHexKeyword'] = 256] = 'YulHexKeyword';
terminalKindCABI[terminalKindCABI['YulHexLiteral'] = 257] = 'YulHexLiteral';
terminalKindCABI[terminalKindCABI['YulHoursKeyword'] = 258] = 'YulHoursKeyword';
terminalKindCABI[terminalKindCABI['YulIdentifier'] = 259] = 'YulIdentifier';
terminalKindCABI[terminalKindCABI['YulIfKeyword'] = 260] = 'YulIfKeyword';
terminalKindCABI[terminalKindCABI['YulImmutableKeyword'] = 261] = 'YulImmutableKeyword';
terminalKindCABI[terminalKindCABI['YulImplementsKeyword'] = 262] = 'YulImplementsKeyword';
terminalKindCABI[terminalKindCABI['YulImportKeyword'] = 263] = 'YulImportKeyword';
terminalKindCABI[terminalKindCABI['YulInKeyword'] = 264] = 'YulInKeyword';
terminalKindCABI[terminalKindCABI['YulIndexedKeyword'] = 265] = 'YulIndexedKeyword';
terminalKindCABI[terminalKindCABI['YulInlineKeyword'] = 266] = 'YulInlineKeyword';
terminalKindCABI[terminalKindCABI['YulIntKeyword'] = 267] = 'YulIntKeyword';
terminalKindCABI[terminalKindCABI['YulInterfaceKeyword'] = 268] = 'YulInterfaceKeyword';
terminalKindCABI[terminalKindCABI['YulInternalKeyword'] = 269] = 'YulInternalKeyword';
terminalKindCABI[terminalKindCABI['YulInvalidKeyword'] = 270] = 'YulInvalidKeyword';
terminalKindCABI[terminalKindCABI['YulIsKeyword'] = 271] = 'YulIsKeyword';
terminalKindCABI[terminalKindCABI['YulIsZeroKeyword'] = 272] = 'YulIsZeroKeyword';
terminalKindCABI[terminalKindCABI['YulKeccak256Keyword'] = 273] = 'YulKeccak256Keyword';
terminalKindCABI[terminalKindCABI['YulLeaveKeyword'] = 274] = 'YulLeaveKeyword';
terminalKindCABI[terminalKindCABI['YulLetKeyword'] = 275] = 'YulLetKeyword';
terminalKindCABI[terminalKindCABI['YulLibraryKeyword'] = 276] = 'YulLibraryKeyword';
terminalKindCABI[terminalKindCABI['YulLog0Keyword'] = 277] = 'YulLog0Keyword';
terminalKindCABI[terminalKindCABI['YulLog1Keyword'] = 278] = 'YulLog1Keyword';
terminalKindCABI[terminalKindCABI['YulLog2Keyword'] = 279] = 'YulLog2Keyword';
terminalKindCABI[terminalKindCABI['YulLog3Keyword'] = 280] = 'YulLog3Keyword';
terminalKindCABI[terminalKindCABI['YulLog4Keyword'] = 281] = 'YulLog4Keyword';
terminalKindCABI[terminalKindCABI['YulLtKeyword'] = 282] = 'YulLtKeyword';
terminalKindCABI[terminalKindCABI['YulMcopyKeyword'] = 283] = 'YulMcopyKeyword';
terminalKindCABI[terminalKindCABI['YulMloadKeyword'] = 284] = 'YulMloadKeyword';
terminalKindCABI[terminalKindCABI['YulMsizeKeyword'] = 285] = 'YulMsizeKeyword';
terminalKindCABI[terminalKindCABI['YulMstore8Keyword'] = 286] = 'YulMstore8Keyword';
terminalKindCABI[terminalKindCABI['YulMstoreKeyword'] = 287] = 'YulMstoreKeyword';
terminalKindCABI[terminalKindCABI['YulMacroKeyword'] = 288] = 'YulMacroKeyword';
terminalKindCABI[terminalKindCABI['YulMappingKeyword'] = 289] = 'YulMappingKeyword';
terminalKindCABI[terminalKindCABI['YulMatchKeyword'] = 290] = 'YulMatchKeyword';
terminalKindCABI[terminalKindCABI['YulMemoryKeyword'] = 291] = 'YulMemoryKeyword';
terminalKindCABI[terminalKindCABI['YulMinutesKeyword'] = 292] = 'YulMinutesKeyword';
terminalKindCABI[terminalKindCABI['YulModKeyword'] = 293] = 'YulModKeyword';
terminalKindCABI[terminalKindCABI['YulModifierKeyword'] = 294] = 'YulModifierKeyword';
terminalKindCABI[terminalKindCABI['YulMulKeyword'] = 295] = 'YulMulKeyword';
terminalKindCABI[terminalKindCABI['YulMulModKeyword'] = 296] = 'YulMulModKeyword';
terminalKindCABI[terminalKindCABI['YulMutableKeyword'] = 297] = 'YulMutableKeyword';
terminalKindCABI[terminalKindCABI['YulNewKeyword'] = 298] = 'YulNewKeyword';
terminalKindCABI[terminalKindCABI['YulNotKeyword'] = 299] = 'YulNotKeyword';
terminalKindCABI[terminalKindCABI['YulNullKeyword'] = 300] = 'YulNullKeyword';
terminalKindCABI[terminalKindCABI['YulNumberKeyword'] = 301] = 'YulNumberKeyword';
terminalKindCABI[terminalKindCABI['YulOfKeyword'] = 302] = 'YulOfKeyword';
terminalKindCABI[terminalKindCABI['YulOrKeyword'] = 303] = 'YulOrKeyword';
terminalKindCABI[terminalKindCABI['YulOriginKeyword'] = 304] = 'YulOriginKeyword';
terminalKindCABI[terminalKindCABI['YulOverrideKeyword'] = 305] = 'YulOverrideKeyword';
terminalKindCABI[terminalKindCABI['YulPartialKeyword'] = 306] = 'YulPartialKeyword';
terminalKindCABI[terminalKindCABI['YulPayableKeyword'] = 307] = 'YulPayableKeyword';
terminalKindCABI[terminalKindCABI['YulPopKeyword'] = 308] = 'YulPopKeyword';
terminalKindCABI[terminalKindCABI['YulPragmaKeyword'] = 309] = 'YulPragmaKeyword';
terminalKindCABI[terminalKindCABI['YulPrevRandaoKeyword'] = 310] = 'YulPrevRandaoKeyword';
terminalKindCABI[terminalKindCABI['YulPrivateKeyword'] = 311] = 'YulPrivateKeyword';
terminalKindCABI[terminalKindCABI['YulPromiseKeyword'] = 312] = 'YulPromiseKeyword';
terminalKindCABI[terminalKindCABI['YulPublicKeyword'] = 313] = 'YulPublicKeyword';
terminalKindCABI[terminalKindCABI['YulPureKeyword'] = 314] = 'YulPureKeyword';
terminalKindCABI[terminalKindCABI['YulReceiveKeyword'] = 315] = 'YulReceiveKeyword';
terminalKindCABI[terminalKindCABI['YulReferenceKeyword'] = 316] = 'YulReferenceKeyword';
terminalKindCABI[terminalKindCABI['YulRelocatableKeyword'] = 317] = 'YulRelocatableKeyword';
terminalKindCABI[terminalKindCABI['YulReturnDataCopyKeyword'] = 318] = 'YulReturnDataCopyKeyword';
terminalKindCABI[terminalKindCABI['YulReturnDataSizeKeyword'] = 319] = 'YulReturnDataSizeKeyword';
terminalKindCABI[terminalKindCABI['YulReturnKeyword'] = 320] = 'YulReturnKeyword';
terminalKindCABI[terminalKindCABI['YulReturnsKeyword'] = 321] = 'YulReturnsKeyword';
terminalKindCABI[terminalKindCABI['YulRevertKeyword'] = 322] = 'YulRevertKeyword';
terminalKindCABI[terminalKindCABI['YulSdivKeyword'] = 323] = 'YulSdivKeyword';
terminalKindCABI[terminalKindCABI['YulSloadKeyword'] = 324] = 'YulSloadKeyword';
terminalKindCABI[terminalKindCABI['YulSmodKeyword'] = 325] = 'YulSmodKeyword';
terminalKindCABI[terminalKindCABI['YulSstoreKeyword'] = 326] = 'YulSstoreKeyword';
terminalKindCABI[terminalKindCABI['YulSarKeyword'] = 327] = 'YulSarKeyword';
terminalKindCABI[terminalKindCABI['YulSealedKeyword'] = 328] = 'YulSealedKeyword';
terminalKindCABI[terminalKindCABI['YulSecondsKeyword'] = 329] = 'YulSecondsKeyword';
terminalKindCABI[terminalKindCABI['YulSelfBalanceKeyword'] = 330] = 'YulSelfBalanceKeyword';
terminalKindCABI[terminalKindCABI['YulSelfDestructKeyword'] = 331] = 'YulSelfDestructKeyword';
terminalKindCABI[terminalKindCABI['YulSgtKeyword'] = 332] = 'YulSgtKeyword';
terminalKindCABI[terminalKindCABI['YulSha3Keyword'] = 333] = 'YulSha3Keyword';
terminalKindCABI[terminalKindCABI['YulShlKeyword'] = 334] = 'YulShlKeyword';
terminalKindCABI[terminalKindCABI['YulShrKeyword'] = 335] = 'YulShrKeyword';
terminalKindCABI[terminalKindCABI['YulSignExtendKeyword'] = 336] = 'YulSignExtendKeyword';
terminalKindCABI[terminalKindCABI['YulSizeOfKeyword'] = 337] = 'YulSizeOfKeyword';
terminalKindCABI[terminalKindCABI['YulSltKeyword'] = 338] = 'YulSltKeyword';
terminalKindCABI[terminalKindCABI['YulStaticCallKeyword'] = 339] = 'YulStaticCallKeyword';
terminalKindCABI[terminalKindCABI['YulStaticKeyword'] = 340] = 'YulStaticKeyword';
terminalKindCABI[terminalKindCABI['YulStopKeyword'] = 341] = 'YulStopKeyword';
terminalKindCABI[terminalKindCABI['YulStorageKeyword'] = 342] = 'YulStorageKeyword';
terminalKindCABI[terminalKindCABI['YulStringKeyword'] = 343] = 'YulStringKeyword';
terminalKindCABI[terminalKindCABI['YulStructKeyword'] = 344] = 'YulStructKeyword';
terminalKindCABI[terminalKindCABI['YulSubKeyword'] = 345] = 'YulSubKeyword';
terminalKindCABI[terminalKindCABI['YulSuicideKeyword'] = 346] = 'YulSuicideKeyword';
terminalKindCABI[terminalKindCABI['YulSupportsKeyword'] = 347] = 'YulSupportsKeyword';
terminalKindCABI[terminalKindCABI['YulSwitchKeyword'] = 348] = 'YulSwitchKeyword';
terminalKindCABI[terminalKindCABI['YulSzaboKeyword'] = 349] = 'YulSzaboKeyword';
terminalKindCABI[terminalKindCABI['YulTloadKeyword'] = 350] = 'YulTloadKeyword';
terminalKindCABI[terminalKindCABI['YulTstoreKeyword'] = 351] = 'YulTstoreKeyword';
terminalKindCABI[terminalKindCABI['YulThrowKeyword'] = 352] = 'YulThrowKeyword';
terminalKindCABI[terminalKindCABI['YulTimestampKeyword'] = 353] = 'YulTimestampKeyword';
terminalKindCABI[terminalKindCABI['YulTrueKeyword'] = 354] = 'YulTrueKeyword';
terminalKindCABI[terminalKindCABI['YulTryKeyword'] = 355] = 'YulTryKeyword';
terminalKindCABI[terminalKindCABI['YulTypeDefKeyword'] = 356] = 'YulTypeDefKeyword';
terminalKindCABI[terminalKindCABI['YulTypeKeyword'] = 357] = 'YulTypeKeyword';
terminalKindCABI[terminalKindCABI['YulTypeOfKeyword'] = 358] = 'YulTypeOfKeyword';
terminalKindCABI[terminalKindCABI['YulUfixedKeyword'] = 359] = 'YulUfixedKeyword';
terminalKindCABI[terminalKindCABI['YulUintKeyword'] = 360] = 'YulUintKeyword';
terminalKindCABI[terminalKindCABI['YulUncheckedKeyword'] = 361] = 'YulUncheckedKeyword';
terminalKindCABI[terminalKindCABI['YulUsingKeyword'] = 362] = 'YulUsingKeyword';
terminalKindCABI[terminalKindCABI['YulVarKeyword'] = 363] = 'YulVarKeyword';
terminalKindCABI[terminalKindCABI['YulViewKeyword'] = 364] = 'YulViewKeyword';
terminalKindCABI[terminalKindCABI['YulVirtualKeyword'] = 365] = 'YulVirtualKeyword';
terminalKindCABI[terminalKindCABI['YulWeeksKeyword'] = 366] = 'YulWeeksKeyword';
terminalKindCABI[terminalKindCABI['YulWeiKeyword'] = 367] = 'YulWeiKeyword';
terminalKindCABI[terminalKindCABI['YulWhileKeyword'] = 368] = 'YulWhileKeyword';
terminalKindCABI[terminalKindCABI['YulXorKeyword'] = 369] = 'YulXorKeyword';
terminalKindCABI[terminalKindCABI['YulYearsKeyword'] = 370] = 'YulYearsKeyword';

var edgeLabel = {};
edgeLabel['Item'] = 'Item';
edgeLabel['Variant'] = 'Variant';
edgeLabel['Separator'] = 'Separator';
edgeLabel['Operand'] = 'Operand';
edgeLabel['LeftOperand'] = 'LeftOperand';
edgeLabel['RightOperand'] = 'RightOperand';
edgeLabel['LeadingTrivia'] = 'LeadingTrivia';
edgeLabel['TrailingTrivia'] = 'TrailingTrivia';
edgeLabel['AbicoderKeyword'] = 'AbicoderKeyword';
edgeLabel['AbstractKeyword'] = 'AbstractKeyword';
edgeLabel['AddressKeyword'] = 'AddressKeyword';
edgeLabel['Alias'] = 'Alias';
edgeLabel['AnonymousKeyword'] = 'AnonymousKeyword';
edgeLabel['Arguments'] = 'Arguments';
edgeLabel['AsKeyword'] = 'AsKeyword';
edgeLabel['AssemblyKeyword'] = 'AssemblyKeyword';
edgeLabel['Assignment'] = 'Assignment';
edgeLabel['Asterisk'] = 'Asterisk';
edgeLabel['Attributes'] = 'Attributes';
edgeLabel['Block'] = 'Block';
edgeLabel['Body'] = 'Body';
edgeLabel['BreakKeyword'] = 'BreakKeyword';
edgeLabel['CaseKeyword'] = 'CaseKeyword';
edgeLabel['Cases'] = 'Cases';
edgeLabel['CatchClauses'] = 'CatchClauses';
edgeLabel['CatchKeyword'] = 'CatchKeyword';
edgeLabel['Clause'] = 'Clause';
edgeLabel['CloseBrace'] = 'CloseBrace';
edgeLabel['CloseBracket'] = 'CloseBracket';
edgeLabel['CloseParen'] = 'CloseParen';
edgeLabel['Colon'] = 'Colon';
edgeLabel['Condition'] = 'Condition';
edgeLabel['ConstantKeyword'] = 'ConstantKeyword';
edgeLabel['ConstructorKeyword'] = 'ConstructorKeyword';
edgeLabel['ContinueKeyword'] = 'ContinueKeyword';
edgeLabel['ContractKeyword'] = 'ContractKeyword';
edgeLabel['DefaultKeyword'] = 'DefaultKeyword';
edgeLabel['DoKeyword'] = 'DoKeyword';
edgeLabel['Elements'] = 'Elements';
edgeLabel['ElseBranch'] = 'ElseBranch';
edgeLabel['ElseKeyword'] = 'ElseKeyword';
edgeLabel['EmitKeyword'] = 'EmitKeyword';
edgeLabel['End'] = 'End';
edgeLabel['EnumKeyword'] = 'EnumKeyword';
edgeLabel['Equal'] = 'Equal';
edgeLabel['EqualGreaterThan'] = 'EqualGreaterThan';
edgeLabel['Error'] = 'Error';
edgeLabel['ErrorKeyword'] = 'ErrorKeyword';
edgeLabel['Event'] = 'Event';
edgeLabel['EventKeyword'] = 'EventKeyword';
edgeLabel['ExperimentalKeyword'] = 'ExperimentalKeyword';
edgeLabel['Expression'] = 'Expression';
edgeLabel['FallbackKeyword'] = 'FallbackKeyword';
edgeLabel['FalseExpression'] = 'FalseExpression';
edgeLabel['Feature'] = 'Feature';
edgeLabel['Flags'] = 'Flags';
edgeLabel['ForKeyword'] = 'ForKeyword';
edgeLabel['FromKeyword'] = 'FromKeyword';
edgeLabel['FunctionKeyword'] = 'FunctionKeyword';
edgeLabel['GlobalKeyword'] = 'GlobalKeyword';
edgeLabel['Identifier'] = 'Identifier';
edgeLabel['IfKeyword'] = 'IfKeyword';
edgeLabel['ImportKeyword'] = 'ImportKeyword';
edgeLabel['Index'] = 'Index';
edgeLabel['IndexedKeyword'] = 'IndexedKeyword';
edgeLabel['Inheritance'] = 'Inheritance';
edgeLabel['Initialization'] = 'Initialization';
edgeLabel['InterfaceKeyword'] = 'InterfaceKeyword';
edgeLabel['IsKeyword'] = 'IsKeyword';
edgeLabel['Items'] = 'Items';
edgeLabel['Iterator'] = 'Iterator';
edgeLabel['KeyType'] = 'KeyType';
edgeLabel['Label'] = 'Label';
edgeLabel['LeaveKeyword'] = 'LeaveKeyword';
edgeLabel['LetKeyword'] = 'LetKeyword';
edgeLabel['LibraryKeyword'] = 'LibraryKeyword';
edgeLabel['Literal'] = 'Literal';
edgeLabel['MappingKeyword'] = 'MappingKeyword';
edgeLabel['Member'] = 'Member';
edgeLabel['Members'] = 'Members';
edgeLabel['Minus'] = 'Minus';
edgeLabel['MinusGreaterThan'] = 'MinusGreaterThan';
edgeLabel['ModifierKeyword'] = 'ModifierKeyword';
edgeLabel['Name'] = 'Name';
edgeLabel['NewKeyword'] = 'NewKeyword';
edgeLabel['OpenBrace'] = 'OpenBrace';
edgeLabel['OpenBracket'] = 'OpenBracket';
edgeLabel['OpenParen'] = 'OpenParen';
edgeLabel['Operator'] = 'Operator';
edgeLabel['Options'] = 'Options';
edgeLabel['Overridden'] = 'Overridden';
edgeLabel['OverrideKeyword'] = 'OverrideKeyword';
edgeLabel['Parameters'] = 'Parameters';
edgeLabel['Path'] = 'Path';
edgeLabel['Paths'] = 'Paths';
edgeLabel['PayableKeyword'] = 'PayableKeyword';
edgeLabel['Period'] = 'Period';
edgeLabel['Pragma'] = 'Pragma';
edgeLabel['PragmaKeyword'] = 'PragmaKeyword';
edgeLabel['QuestionMark'] = 'QuestionMark';
edgeLabel['ReceiveKeyword'] = 'ReceiveKeyword';
edgeLabel['ReturnKeyword'] = 'ReturnKeyword';
edgeLabel['Returns'] = 'Returns';
edgeLabel['ReturnsKeyword'] = 'ReturnsKeyword';
edgeLabel['RevertKeyword'] = 'RevertKeyword';
edgeLabel['Semicolon'] = 'Semicolon';
edgeLabel['Sets'] = 'Sets';
edgeLabel['SolidityKeyword'] = 'SolidityKeyword';
edgeLabel['Start'] = 'Start';
edgeLabel['Statements'] = 'Statements';
edgeLabel['StorageLocation'] = 'StorageLocation';
edgeLabel['StructKeyword'] = 'StructKeyword';
edgeLabel['SwitchKeyword'] = 'SwitchKeyword';
edgeLabel['Symbols'] = 'Symbols';
edgeLabel['Target'] = 'Target';
edgeLabel['ThrowKeyword'] = 'ThrowKeyword';
edgeLabel['TrueExpression'] = 'TrueExpression';
edgeLabel['TryKeyword'] = 'TryKeyword';
edgeLabel['TypeKeyword'] = 'TypeKeyword';
edgeLabel['TypeName'] = 'TypeName';
edgeLabel['Types'] = 'Types';
edgeLabel['UncheckedKeyword'] = 'UncheckedKeyword';
edgeLabel['Unit'] = 'Unit';
edgeLabel['UsingKeyword'] = 'UsingKeyword';
edgeLabel['Value'] = 'Value';
edgeLabel['ValueType'] = 'ValueType';
edgeLabel['VarKeyword'] = 'VarKeyword';
edgeLabel['Variable'] = 'Variable';
edgeLabel['VariableType'] = 'VariableType';
edgeLabel['Variables'] = 'Variables';
edgeLabel['Version'] = 'Version';
edgeLabel['WhileKeyword'] = 'WhileKeyword';

var edgeLabelCABI = {};
edgeLabelCABI[edgeLabelCABI['Item'] = 0] = 'Item';
edgeLabelCABI[edgeLabelCABI['Variant'] = 1] = 'Variant';
edgeLabelCABI[edgeLabelCABI['Separator'] = 2] = 'Separator';
edgeLabelCABI[edgeLabelCABI['Operand'] = 3] = 'Operand';
edgeLabelCABI[edgeLabelCABI['LeftOperand'] = 4] = 'LeftOperand';
edgeLabelCABI[edgeLabelCABI['RightOperand'] = 5] = 'RightOperand';
edgeLabelCABI[edgeLabelCABI['LeadingTrivia'] = 6] = 'LeadingTrivia';
edgeLabelCABI[edgeLabelCABI['TrailingTrivia'] = 7] = 'TrailingTrivia';
edgeLabelCABI[edgeLabelCABI['AbicoderKeyword'] = 8] = 'AbicoderKeyword';
edgeLabelCABI[edgeLabelCABI['AbstractKeyword'] = 9] = 'AbstractKeyword';
edgeLabelCABI[edgeLabelCABI['AddressKeyword'] = 10] = 'AddressKeyword';
edgeLabelCABI[edgeLabelCABI['Alias'] = 11] = 'Alias';
edgeLabelCABI[edgeLabelCABI['AnonymousKeyword'] = 12] = 'AnonymousKeyword';
edgeLabelCABI[edgeLabelCABI['Arguments'] = 13] = 'Arguments';
edgeLabelCABI[edgeLabelCABI['AsKeyword'] = 14] = 'AsKeyword';
edgeLabelCABI[edgeLabelCABI['AssemblyKeyword'] = 15] = 'AssemblyKeyword';
edgeLabelCABI[edgeLabelCABI['Assignment'] = 16] = 'Assignment';
edgeLabelCABI[edgeLabelCABI['Asterisk'] = 17] = 'Asterisk';
edgeLabelCABI[edgeLabelCABI['Attributes'] = 18] = 'Attributes';
edgeLabelCABI[edgeLabelCABI['Block'] = 19] = 'Block';
edgeLabelCABI[edgeLabelCABI['Body'] = 20] = 'Body';
edgeLabelCABI[edgeLabelCABI['BreakKeyword'] = 21] = 'BreakKeyword';
edgeLabelCABI[edgeLabelCABI['CaseKeyword'] = 22] = 'CaseKeyword';
edgeLabelCABI[edgeLabelCABI['Cases'] = 23] = 'Cases';
edgeLabelCABI[edgeLabelCABI['CatchClauses'] = 24] = 'CatchClauses';
edgeLabelCABI[edgeLabelCABI['CatchKeyword'] = 25] = 'CatchKeyword';
edgeLabelCABI[edgeLabelCABI['Clause'] = 26] = 'Clause';
edgeLabelCABI[edgeLabelCABI['CloseBrace'] = 27] = 'CloseBrace';
edgeLabelCABI[edgeLabelCABI['CloseBracket'] = 28] = 'CloseBracket';
edgeLabelCABI[edgeLabelCABI['CloseParen'] = 29] = 'CloseParen';
edgeLabelCABI[edgeLabelCABI['Colon'] = 30] = 'Colon';
edgeLabelCABI[edgeLabelCABI['Condition'] = 31] = 'Condition';
edgeLabelCABI[edgeLabelCABI['ConstantKeyword'] = 32] = 'ConstantKeyword';
edgeLabelCABI[edgeLabelCABI['ConstructorKeyword'] = 33] = 'ConstructorKeyword';
edgeLabelCABI[edgeLabelCABI['ContinueKeyword'] = 34] = 'ContinueKeyword';
edgeLabelCABI[edgeLabelCABI['ContractKeyword'] = 35] = 'ContractKeyword';
edgeLabelCABI[edgeLabelCABI['DefaultKeyword'] = 36] = 'DefaultKeyword';
edgeLabelCABI[edgeLabelCABI['DoKeyword'] = 37] = 'DoKeyword';
edgeLabelCABI[edgeLabelCABI['Elements'] = 38] = 'Elements';
edgeLabelCABI[edgeLabelCABI['ElseBranch'] = 39] = 'ElseBranch';
edgeLabelCABI[edgeLabelCABI['ElseKeyword'] = 40] = 'ElseKeyword';
edgeLabelCABI[edgeLabelCABI['EmitKeyword'] = 41] = 'EmitKeyword';
edgeLabelCABI[edgeLabelCABI['End'] = 42] = 'End';
edgeLabelCABI[edgeLabelCABI['EnumKeyword'] = 43] = 'EnumKeyword';
edgeLabelCABI[edgeLabelCABI['Equal'] = 44] = 'Equal';
edgeLabelCABI[edgeLabelCABI['EqualGreaterThan'] = 45] = 'EqualGreaterThan';
edgeLabelCABI[edgeLabelCABI['Error'] = 46] = 'Error';
edgeLabelCABI[edgeLabelCABI['ErrorKeyword'] = 47] = 'ErrorKeyword';
edgeLabelCABI[edgeLabelCABI['Event'] = 48] = 'Event';
edgeLabelCABI[edgeLabelCABI['EventKeyword'] = 49] = 'EventKeyword';
edgeLabelCABI[edgeLabelCABI['ExperimentalKeyword'] = 50] = 'ExperimentalKeyword';
edgeLabelCABI[edgeLabelCABI['Expression'] = 51] = 'Expression';
edgeLabelCABI[edgeLabelCABI['FallbackKeyword'] = 52] = 'FallbackKeyword';
edgeLabelCABI[edgeLabelCABI['FalseExpression'] = 53] = 'FalseExpression';
edgeLabelCABI[edgeLabelCABI['Feature'] = 54] = 'Feature';
edgeLabelCABI[edgeLabelCABI['Flags'] = 55] = 'Flags';
edgeLabelCABI[edgeLabelCABI['ForKeyword'] = 56] = 'ForKeyword';
edgeLabelCABI[edgeLabelCABI['FromKeyword'] = 57] = 'FromKeyword';
edgeLabelCABI[edgeLabelCABI['FunctionKeyword'] = 58] = 'FunctionKeyword';
edgeLabelCABI[edgeLabelCABI['GlobalKeyword'] = 59] = 'GlobalKeyword';
edgeLabelCABI[edgeLabelCABI['Identifier'] = 60] = 'Identifier';
edgeLabelCABI[edgeLabelCABI['IfKeyword'] = 61] = 'IfKeyword';
edgeLabelCABI[edgeLabelCABI['ImportKeyword'] = 62] = 'ImportKeyword';
edgeLabelCABI[edgeLabelCABI['Index'] = 63] = 'Index';
edgeLabelCABI[edgeLabelCABI['IndexedKeyword'] = 64] = 'IndexedKeyword';
edgeLabelCABI[edgeLabelCABI['Inheritance'] = 65] = 'Inheritance';
edgeLabelCABI[edgeLabelCABI['Initialization'] = 66] = 'Initialization';
edgeLabelCABI[edgeLabelCABI['InterfaceKeyword'] = 67] = 'InterfaceKeyword';
edgeLabelCABI[edgeLabelCABI['IsKeyword'] = 68] = 'IsKeyword';
edgeLabelCABI[edgeLabelCABI['Items'] = 69] = 'Items';
edgeLabelCABI[edgeLabelCABI['Iterator'] = 70] = 'Iterator';
edgeLabelCABI[edgeLabelCABI['KeyType'] = 71] = 'KeyType';
edgeLabelCABI[edgeLabelCABI['Label'] = 72] = 'Label';
edgeLabelCABI[edgeLabelCABI['LeaveKeyword'] = 73] = 'LeaveKeyword';
edgeLabelCABI[edgeLabelCABI['LetKeyword'] = 74] = 'LetKeyword';
edgeLabelCABI[edgeLabelCABI['LibraryKeyword'] = 75] = 'LibraryKeyword';
edgeLabelCABI[edgeLabelCABI['Literal'] = 76] = 'Literal';
edgeLabelCABI[edgeLabelCABI['MappingKeyword'] = 77] = 'MappingKeyword';
edgeLabelCABI[edgeLabelCABI['Member'] = 78] = 'Member';
edgeLabelCABI[edgeLabelCABI['Members'] = 79] = 'Members';
edgeLabelCABI[edgeLabelCABI['Minus'] = 80] = 'Minus';
edgeLabelCABI[edgeLabelCABI['MinusGreaterThan'] = 81] = 'MinusGreaterThan';
edgeLabelCABI[edgeLabelCABI['ModifierKeyword'] = 82] = 'ModifierKeyword';
edgeLabelCABI[edgeLabelCABI['Name'] = 83] = 'Name';
edgeLabelCABI[edgeLabelCABI['NewKeyword'] = 84] = 'NewKeyword';
edgeLabelCABI[edgeLabelCABI['OpenBrace'] = 85] = 'OpenBrace';
edgeLabelCABI[edgeLabelCABI['OpenBracket'] = 86] = 'OpenBracket';
edgeLabelCABI[edgeLabelCABI['OpenParen'] = 87] = 'OpenParen';
edgeLabelCABI[edgeLabelCABI['Operator'] = 88] = 'Operator';
edgeLabelCABI[edgeLabelCABI['Options'] = 89] = 'Options';
edgeLabelCABI[edgeLabelCABI['Overridden'] = 90] = 'Overridden';
edgeLabelCABI[edgeLabelCABI['OverrideKeyword'] = 91] = 'OverrideKeyword';
edgeLabelCABI[edgeLabelCABI['Parameters'] = 92] = 'Parameters';
edgeLabelCABI[edgeLabelCABI['Path'] = 93] = 'Path';
edgeLabelCABI[edgeLabelCABI['Paths'] = 94] = 'Paths';
edgeLabelCABI[edgeLabelCABI['PayableKeyword'] = 95] = 'PayableKeyword';
edgeLabelCABI[edgeLabelCABI['Period'] = 96] = 'Period';
edgeLabelCABI[edgeLabelCABI['Pragma'] = 97] = 'Pragma';
edgeLabelCABI[edgeLabelCABI['PragmaKeyword'] = 98] = 'PragmaKeyword';
edgeLabelCABI[edgeLabelCABI['QuestionMark'] = 99] = 'QuestionMark';
edgeLabelCABI[edgeLabelCABI['ReceiveKeyword'] = 100] = 'ReceiveKeyword';
edgeLabelCABI[edgeLabelCABI['ReturnKeyword'] = 101] = 'ReturnKeyword';
edgeLabelCABI[edgeLabelCABI['Returns'] = 102] = 'Returns';
edgeLabelCABI[edgeLabelCABI['ReturnsKeyword'] = 103] = 'ReturnsKeyword';
edgeLabelCABI[edgeLabelCABI['RevertKeyword'] = 104] = 'RevertKeyword';
edgeLabelCABI[edgeLabelCABI['Semicolon'] = 105] = 'Semicolon';
edgeLabelCABI[edgeLabelCABI['Sets'] = 106] = 'Sets';
edgeLabelCABI[edgeLabelCABI['SolidityKeyword'] = 107] = 'SolidityKeyword';
edgeLabelCABI[edgeLabelCABI['Start'] = 108] = 'Start';
edgeLabelCABI[edgeLabelCABI['Statements'] = 109] = 'Statements';
edgeLabelCABI[edgeLabelCABI['StorageLocation'] = 110] = 'StorageLocation';
edgeLabelCABI[edgeLabelCABI['StructKeyword'] = 111] = 'StructKeyword';
edgeLabelCABI[edgeLabelCABI['SwitchKeyword'] = 112] = 'SwitchKeyword';
edgeLabelCABI[edgeLabelCABI['Symbols'] = 113] = 'Symbols';
edgeLabelCABI[edgeLabelCABI['Target'] = 114] = 'Target';
edgeLabelCABI[edgeLabelCABI['ThrowKeyword'] = 115] = 'ThrowKeyword';
edgeLabelCABI[edgeLabelCABI['TrueExpression'] = 116] = 'TrueExpression';
edgeLabelCABI[edgeLabelCABI['TryKeyword'] = 117] = 'TryKeyword';
edgeLabelCABI[edgeLabelCABI['TypeKeyword'] = 118] = 'TypeKeyword';
edgeLabelCABI[edgeLabelCABI['TypeName'] = 119] = 'TypeName';
edgeLabelCABI[edgeLabelCABI['Types'] = 120] = 'Types';
edgeLabelCABI[edgeLabelCABI['UncheckedKeyword'] = 121] = 'UncheckedKeyword';
edgeLabelCABI[edgeLabelCABI['Unit'] = 122] = 'Unit';
edgeLabelCABI[edgeLabelCABI['UsingKeyword'] = 123] = 'UsingKeyword';
edgeLabelCABI[edgeLabelCABI['Value'] = 124] = 'Value';
edgeLabelCABI[edgeLabelCABI['ValueType'] = 125] = 'ValueType';
edgeLabelCABI[edgeLabelCABI['VarKeyword'] = 126] = 'VarKeyword';
edgeLabelCABI[edgeLabelCABI['Variable'] = 127] = 'Variable';
edgeLabelCABI[edgeLabelCABI['VariableType'] = 128] = 'VariableType';
edgeLabelCABI[edgeLabelCABI['Variables'] = 129] = 'Variables';
edgeLabelCABI[edgeLabelCABI['Version'] = 130] = 'Version';
edgeLabelCABI[edgeLabelCABI['WhileKeyword'] = 131] = 'WhileKeyword';

var NodeVariant= {};

NodeVariant['NonterminalNode'] = 'NonterminalNode';

Object.defineProperty(NonterminalNode.prototype, "nodeVariant", {
  get: function() { return NodeVariant['NonterminalNode']; }
});

NonterminalNode.prototype.asNonterminalNode= function() { return this; };
NonterminalNode.prototype.isNonterminalNode= function() { return true; };


NonterminalNode.prototype.asTerminalNode= function() { return undefined; };
NonterminalNode.prototype.isTerminalNode= function() { return false; };


NodeVariant['TerminalNode'] = 'TerminalNode';

Object.defineProperty(TerminalNode.prototype, "nodeVariant", {
  get: function() { return NodeVariant['TerminalNode']; }
});

TerminalNode.prototype.asTerminalNode= function() { return this; };
TerminalNode.prototype.isTerminalNode= function() { return true; };


TerminalNode.prototype.asNonterminalNode= function() { return undefined; };
TerminalNode.prototype.isNonterminalNode= function() { return false; };



class Selectors{
  constructor () {
    throw new Error('"Selectors" resource does not define a constructor');
  }
}

Selectors.sequence = function sequence(arg0) {
  var handle1 = arg0[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/ast#[static]selectors.sequence'](handle0);
  let variant10;
  if (dataView(memory0).getUint8(ret + 0, true)) {
    var ptr9 = dataView(memory0).getInt32(ret + 4, true);
    var len9 = dataView(memory0).getInt32(ret + 8, true);
    var result9 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr9, len9));
    variant10= {
      tag: 'err',
      val: result9
    };
  } else {
    var len8 = dataView(memory0).getInt32(ret + 8, true);
    var base8 = dataView(memory0).getInt32(ret + 4, true);
    var result8 = [];
    for (let i = 0; i < len8; i++) {
      const base = base8 + i * 12;
      let variant7;
      if (dataView(memory0).getUint8(base + 0, true)) {
        let variant6;
        switch (dataView(memory0).getUint8(base + 4, true)) {
          case 0: {
            var handle3 = dataView(memory0).getInt32(base + 8, true);
            var rsc2 = new.target === NonterminalNode ? this : Object.create(NonterminalNode.prototype);
            Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
            finalizationRegistry4.register(rsc2, handle3, rsc2);
            Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
              finalizationRegistry4.unregister(rsc2);
              rscTableRemove(handleTable4, handle3);
              rsc2[symbolDispose] = emptyFunc;
              rsc2[symbolRscHandle] = null;
              exports0['16'](handleTable4[(handle3 << 1) + 1] & ~T_FLAG);
            }});
            variant6 = rsc2;
            break;
          }
          case 1: {
            var handle5 = dataView(memory0).getInt32(base + 8, true);
            var rsc4 = new.target === TerminalNode ? this : Object.create(TerminalNode.prototype);
            Object.defineProperty(rsc4, symbolRscHandle, { writable: true, value: handle5});
            finalizationRegistry5.register(rsc4, handle5, rsc4);
            Object.defineProperty(rsc4, symbolDispose, { writable: true, value: function () {
              finalizationRegistry5.unregister(rsc4);
              rscTableRemove(handleTable5, handle5);
              rsc4[symbolDispose] = emptyFunc;
              rsc4[symbolRscHandle] = null;
              exports0['17'](handleTable5[(handle5 << 1) + 1] & ~T_FLAG);
            }});
            variant6 = rsc4;
            break;
          }
        }
        variant7 = variant6;
      } else {
        variant7 = undefined;
      }
      result8.push(variant7);
    }
    variant10= {
      tag: 'ok',
      val: result8
    };
  }
  postReturn5(ret);
  if (variant10.tag === 'err') {
    throw variant10.val;
  }
  return variant10.val;
};

Selectors.choice = function choice(arg0) {
  var handle1 = arg0[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/ast#[static]selectors.choice'](handle0);
  let variant8;
  if (dataView(memory0).getUint8(ret + 0, true)) {
    var ptr7 = dataView(memory0).getInt32(ret + 4, true);
    var len7 = dataView(memory0).getInt32(ret + 8, true);
    var result7 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr7, len7));
    variant8= {
      tag: 'err',
      val: result7
    };
  } else {
    let variant6;
    switch (dataView(memory0).getUint8(ret + 4, true)) {
      case 0: {
        var handle3 = dataView(memory0).getInt32(ret + 8, true);
        var rsc2 = new.target === NonterminalNode ? this : Object.create(NonterminalNode.prototype);
        Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
        finalizationRegistry4.register(rsc2, handle3, rsc2);
        Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
          finalizationRegistry4.unregister(rsc2);
          rscTableRemove(handleTable4, handle3);
          rsc2[symbolDispose] = emptyFunc;
          rsc2[symbolRscHandle] = null;
          exports0['16'](handleTable4[(handle3 << 1) + 1] & ~T_FLAG);
        }});
        variant6 = rsc2;
        break;
      }
      case 1: {
        var handle5 = dataView(memory0).getInt32(ret + 8, true);
        var rsc4 = new.target === TerminalNode ? this : Object.create(TerminalNode.prototype);
        Object.defineProperty(rsc4, symbolRscHandle, { writable: true, value: handle5});
        finalizationRegistry5.register(rsc4, handle5, rsc4);
        Object.defineProperty(rsc4, symbolDispose, { writable: true, value: function () {
          finalizationRegistry5.unregister(rsc4);
          rscTableRemove(handleTable5, handle5);
          rsc4[symbolDispose] = emptyFunc;
          rsc4[symbolRscHandle] = null;
          exports0['17'](handleTable5[(handle5 << 1) + 1] & ~T_FLAG);
        }});
        variant6 = rsc4;
        break;
      }
    }
    variant8= {
      tag: 'ok',
      val: variant6
    };
  }
  postReturn3(ret);
  if (variant8.tag === 'err') {
    throw variant8.val;
  }
  return variant8.val;
};

Selectors.repeated = function repeated(arg0) {
  var handle1 = arg0[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/ast#[static]selectors.repeated'](handle0);
  let variant9;
  if (dataView(memory0).getUint8(ret + 0, true)) {
    var ptr8 = dataView(memory0).getInt32(ret + 4, true);
    var len8 = dataView(memory0).getInt32(ret + 8, true);
    var result8 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr8, len8));
    variant9= {
      tag: 'err',
      val: result8
    };
  } else {
    var len7 = dataView(memory0).getInt32(ret + 8, true);
    var base7 = dataView(memory0).getInt32(ret + 4, true);
    var result7 = [];
    for (let i = 0; i < len7; i++) {
      const base = base7 + i * 8;
      let variant6;
      switch (dataView(memory0).getUint8(base + 0, true)) {
        case 0: {
          var handle3 = dataView(memory0).getInt32(base + 4, true);
          var rsc2 = new.target === NonterminalNode ? this : Object.create(NonterminalNode.prototype);
          Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
          finalizationRegistry4.register(rsc2, handle3, rsc2);
          Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
            finalizationRegistry4.unregister(rsc2);
            rscTableRemove(handleTable4, handle3);
            rsc2[symbolDispose] = emptyFunc;
            rsc2[symbolRscHandle] = null;
            exports0['16'](handleTable4[(handle3 << 1) + 1] & ~T_FLAG);
          }});
          variant6 = rsc2;
          break;
        }
        case 1: {
          var handle5 = dataView(memory0).getInt32(base + 4, true);
          var rsc4 = new.target === TerminalNode ? this : Object.create(TerminalNode.prototype);
          Object.defineProperty(rsc4, symbolRscHandle, { writable: true, value: handle5});
          finalizationRegistry5.register(rsc4, handle5, rsc4);
          Object.defineProperty(rsc4, symbolDispose, { writable: true, value: function () {
            finalizationRegistry5.unregister(rsc4);
            rscTableRemove(handleTable5, handle5);
            rsc4[symbolDispose] = emptyFunc;
            rsc4[symbolRscHandle] = null;
            exports0['17'](handleTable5[(handle5 << 1) + 1] & ~T_FLAG);
          }});
          variant6 = rsc4;
          break;
        }
      }
      result7.push(variant6);
    }
    variant9= {
      tag: 'ok',
      val: result7
    };
  }
  postReturn6(ret);
  if (variant9.tag === 'err') {
    throw variant9.val;
  }
  return variant9.val;
};

Selectors.separated = function separated(arg0) {
  var handle1 = arg0[symbolRscHandle];
  if (!handle1 || (handleTable4[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "NonterminalNode" resource.');
  }
  var handle0 = handleTable4[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/ast#[static]selectors.separated'](handle0);
  let variant10;
  if (dataView(memory0).getUint8(ret + 0, true)) {
    var ptr9 = dataView(memory0).getInt32(ret + 4, true);
    var len9 = dataView(memory0).getInt32(ret + 8, true);
    var result9 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr9, len9));
    variant10= {
      tag: 'err',
      val: result9
    };
  } else {
    var len8 = dataView(memory0).getInt32(ret + 8, true);
    var base8 = dataView(memory0).getInt32(ret + 4, true);
    var result8 = [];
    for (let i = 0; i < len8; i++) {
      const base = base8 + i * 8;
      var len7 = dataView(memory0).getInt32(base + 4, true);
      var base7 = dataView(memory0).getInt32(base + 0, true);
      var result7 = [];
      for (let i = 0; i < len7; i++) {
        const base = base7 + i * 8;
        let variant6;
        switch (dataView(memory0).getUint8(base + 0, true)) {
          case 0: {
            var handle3 = dataView(memory0).getInt32(base + 4, true);
            var rsc2 = new.target === NonterminalNode ? this : Object.create(NonterminalNode.prototype);
            Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
            finalizationRegistry4.register(rsc2, handle3, rsc2);
            Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
              finalizationRegistry4.unregister(rsc2);
              rscTableRemove(handleTable4, handle3);
              rsc2[symbolDispose] = emptyFunc;
              rsc2[symbolRscHandle] = null;
              exports0['16'](handleTable4[(handle3 << 1) + 1] & ~T_FLAG);
            }});
            variant6 = rsc2;
            break;
          }
          case 1: {
            var handle5 = dataView(memory0).getInt32(base + 4, true);
            var rsc4 = new.target === TerminalNode ? this : Object.create(TerminalNode.prototype);
            Object.defineProperty(rsc4, symbolRscHandle, { writable: true, value: handle5});
            finalizationRegistry5.register(rsc4, handle5, rsc4);
            Object.defineProperty(rsc4, symbolDispose, { writable: true, value: function () {
              finalizationRegistry5.unregister(rsc4);
              rscTableRemove(handleTable5, handle5);
              rsc4[symbolDispose] = emptyFunc;
              rsc4[symbolRscHandle] = null;
              exports0['17'](handleTable5[(handle5 << 1) + 1] & ~T_FLAG);
            }});
            variant6 = rsc4;
            break;
          }
        }
        result7.push(variant6);
      }
      result8.push(result7);
    }
    variant10= {
      tag: 'ok',
      val: result8
    };
  }
  postReturn7(ret);
  if (variant10.tag === 'err') {
    throw variant10.val;
  }
  return variant10.val;
};

class Parser{
  constructor () {
    throw new Error('"Parser" resource does not define a constructor');
  }
}

Parser.rootKind = function rootKind() {
  const ret = exports1['nomic-foundation:slang/parser#[static]parser.root-kind']();
  return nonterminalKindCABI[ret];
};

Parser.supportedVersions = function supportedVersions() {
  const ret = exports1['nomic-foundation:slang/parser#[static]parser.supported-versions']();
  var len1 = dataView(memory0).getInt32(ret + 4, true);
  var base1 = dataView(memory0).getInt32(ret + 0, true);
  var result1 = [];
  for (let i = 0; i < len1; i++) {
    const base = base1 + i * 8;
    var ptr0 = dataView(memory0).getInt32(base + 0, true);
    var len0 = dataView(memory0).getInt32(base + 4, true);
    var result0 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr0, len0));
    result1.push(result0);
  }
  postReturn8(ret);
  return result1;
};

Parser.create = function create(arg0) {
  var ptr0 = utf8Encode(arg0, realloc1, memory0);
  var len0 = utf8EncodedLen;
  const ret = exports1['nomic-foundation:slang/parser#[static]parser.create'](ptr0, len0);
  let variant4;
  if (dataView(memory0).getUint8(ret + 0, true)) {
    var ptr3 = dataView(memory0).getInt32(ret + 4, true);
    var len3 = dataView(memory0).getInt32(ret + 8, true);
    var result3 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr3, len3));
    variant4= {
      tag: 'err',
      val: result3
    };
  } else {
    var handle2 = dataView(memory0).getInt32(ret + 4, true);
    var rsc1 = new.target === Parser ? this : Object.create(Parser.prototype);
    Object.defineProperty(rsc1, symbolRscHandle, { writable: true, value: handle2});
    finalizationRegistry9.register(rsc1, handle2, rsc1);
    Object.defineProperty(rsc1, symbolDispose, { writable: true, value: function () {
      finalizationRegistry9.unregister(rsc1);
      rscTableRemove(handleTable9, handle2);
      rsc1[symbolDispose] = emptyFunc;
      rsc1[symbolRscHandle] = null;
      exports0['22'](handleTable9[(handle2 << 1) + 1] & ~T_FLAG);
    }});
    variant4= {
      tag: 'ok',
      val: rsc1
    };
  }
  postReturn3(ret);
  if (variant4.tag === 'err') {
    throw variant4.val;
  }
  return variant4.val;
};

Object.defineProperty(Parser.prototype, "version", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable9[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Parser" resource.');
  }
  var handle0 = handleTable9[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/parser#[method]parser.version'](handle0);
  var ptr2 = dataView(memory0).getInt32(ret + 0, true);
  var len2 = dataView(memory0).getInt32(ret + 4, true);
  var result2 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr2, len2));
  postReturn1(ret);
  return result2;
}});

Parser.prototype.parse = function(arg1, arg2) {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable9[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "Parser" resource.');
  }
  var handle0 = handleTable9[(handle1 << 1) + 1] & ~T_FLAG;
  var ptr2 = utf8Encode(arg2, realloc1, memory0);
  var len2 = utf8EncodedLen;
  const ret = exports1['nomic-foundation:slang/parser#[method]parser.parse'](handle0, nonterminalKindCABI[arg1], ptr2, len2);
  var handle4 = ret;
  var rsc3 = new.target === ParseOutput ? this : Object.create(ParseOutput.prototype);
  Object.defineProperty(rsc3, symbolRscHandle, { writable: true, value: handle4});
  finalizationRegistry11.register(rsc3, handle4, rsc3);
  Object.defineProperty(rsc3, symbolDispose, { writable: true, value: function () {
    finalizationRegistry11.unregister(rsc3);
    rscTableRemove(handleTable11, handle4);
    rsc3[symbolDispose] = emptyFunc;
    rsc3[symbolRscHandle] = null;
    exports0['24'](handleTable11[(handle4 << 1) + 1] & ~T_FLAG);
  }});
  return rsc3;
};

class ParseError{
  constructor () {
    throw new Error('"ParseError" resource does not define a constructor');
  }
}

Object.defineProperty(ParseError.prototype, "textRange", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable10[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "ParseError" resource.');
  }
  var handle0 = handleTable10[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/parser#[method]parse-error.text-range'](handle0);
  return {
    start: {
      utf8: dataView(memory0).getInt32(ret + 0, true) >>> 0,
      utf16: dataView(memory0).getInt32(ret + 4, true) >>> 0,
      line: dataView(memory0).getInt32(ret + 8, true) >>> 0,
      column: dataView(memory0).getInt32(ret + 12, true) >>> 0,
    },
    end: {
      utf8: dataView(memory0).getInt32(ret + 16, true) >>> 0,
      utf16: dataView(memory0).getInt32(ret + 20, true) >>> 0,
      line: dataView(memory0).getInt32(ret + 24, true) >>> 0,
      column: dataView(memory0).getInt32(ret + 28, true) >>> 0,
    },
  };
}});

Object.defineProperty(ParseError.prototype, "message", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable10[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "ParseError" resource.');
  }
  var handle0 = handleTable10[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/parser#[method]parse-error.message'](handle0);
  var ptr2 = dataView(memory0).getInt32(ret + 0, true);
  var len2 = dataView(memory0).getInt32(ret + 4, true);
  var result2 = utf8Decoder.decode(new Uint8Array(memory0.buffer, ptr2, len2));
  postReturn1(ret);
  return result2;
}});

class ParseOutput{
  constructor () {
    throw new Error('"ParseOutput" resource does not define a constructor');
  }
}

Object.defineProperty(ParseOutput.prototype, "tree", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable11[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "ParseOutput" resource.');
  }
  var handle0 = handleTable11[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/parser#[method]parse-output.tree'](handle0);
  let variant6;
  switch (dataView(memory0).getUint8(ret + 0, true)) {
    case 0: {
      var handle3 = dataView(memory0).getInt32(ret + 4, true);
      var rsc2 = new.target === NonterminalNode ? this : Object.create(NonterminalNode.prototype);
      Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
      finalizationRegistry4.register(rsc2, handle3, rsc2);
      Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
        finalizationRegistry4.unregister(rsc2);
        rscTableRemove(handleTable4, handle3);
        rsc2[symbolDispose] = emptyFunc;
        rsc2[symbolRscHandle] = null;
        exports0['16'](handleTable4[(handle3 << 1) + 1] & ~T_FLAG);
      }});
      variant6 = rsc2;
      break;
    }
    case 1: {
      var handle5 = dataView(memory0).getInt32(ret + 4, true);
      var rsc4 = new.target === TerminalNode ? this : Object.create(TerminalNode.prototype);
      Object.defineProperty(rsc4, symbolRscHandle, { writable: true, value: handle5});
      finalizationRegistry5.register(rsc4, handle5, rsc4);
      Object.defineProperty(rsc4, symbolDispose, { writable: true, value: function () {
        finalizationRegistry5.unregister(rsc4);
        rscTableRemove(handleTable5, handle5);
        rsc4[symbolDispose] = emptyFunc;
        rsc4[symbolRscHandle] = null;
        exports0['17'](handleTable5[(handle5 << 1) + 1] & ~T_FLAG);
      }});
      variant6 = rsc4;
      break;
    }
  }
  return variant6;
}});

Object.defineProperty(ParseOutput.prototype, "errors", { get: function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable11[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "ParseOutput" resource.');
  }
  var handle0 = handleTable11[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/parser#[method]parse-output.errors'](handle0);
  var len4 = dataView(memory0).getInt32(ret + 4, true);
  var base4 = dataView(memory0).getInt32(ret + 0, true);
  var result4 = [];
  for (let i = 0; i < len4; i++) {
    const base = base4 + i * 4;
    var handle3 = dataView(memory0).getInt32(base + 0, true);
    var rsc2 = new.target === ParseError ? this : Object.create(ParseError.prototype);
    Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
    finalizationRegistry10.register(rsc2, handle3, rsc2);
    Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
      finalizationRegistry10.unregister(rsc2);
      rscTableRemove(handleTable10, handle3);
      rsc2[symbolDispose] = emptyFunc;
      rsc2[symbolRscHandle] = null;
      exports0['23'](handleTable10[(handle3 << 1) + 1] & ~T_FLAG);
    }});
    result4.push(rsc2);
  }
  postReturn2(ret);
  return result4;
}});

ParseOutput.prototype.isValid = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable11[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "ParseOutput" resource.');
  }
  var handle0 = handleTable11[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/parser#[method]parse-output.is-valid'](handle0);
  var bool2 = ret;
  return !!bool2;
};

ParseOutput.prototype.createTreeCursor = function() {
  var handle1 = this[symbolRscHandle];
  if (!handle1 || (handleTable11[(handle1 << 1) + 1] & T_FLAG) === 0) {
    throw new TypeError('Resource error: Not a valid "ParseOutput" resource.');
  }
  var handle0 = handleTable11[(handle1 << 1) + 1] & ~T_FLAG;
  const ret = exports1['nomic-foundation:slang/parser#[method]parse-output.create-tree-cursor'](handle0);
  var handle3 = ret;
  var rsc2 = new.target === Cursor ? this : Object.create(Cursor.prototype);
  Object.defineProperty(rsc2, symbolRscHandle, { writable: true, value: handle3});
  finalizationRegistry6.register(rsc2, handle3, rsc2);
  Object.defineProperty(rsc2, symbolDispose, { writable: true, value: function () {
    finalizationRegistry6.unregister(rsc2);
    rscTableRemove(handleTable6, handle3);
    rsc2[symbolDispose] = emptyFunc;
    rsc2[symbolRscHandle] = null;
    exports0['18'](handleTable6[(handle3 << 1) + 1] & ~T_FLAG);
  }});
  return rsc2;
};

const $init = (async() => {
  const module0 = fetchCompile(__webpack_require__.ab + "solidity_cargo_wasm.component.core.wasm");
  const module1 = fetchCompile(__webpack_require__.ab + "solidity_cargo_wasm.component.core2.wasm");
  const module2 = fetchCompile(__webpack_require__.ab + "solidity_cargo_wasm.component.core3.wasm");
  const module3 = fetchCompile(__webpack_require__.ab + "solidity_cargo_wasm.component.core4.wasm");
  ({ exports: exports0 } = await instantiateCore(await module2));
  ({ exports: exports1 } = await instantiateCore(await module0, {
    '[export]nomic-foundation:slang/cst': {
      '[resource-drop]cursor': trampoline5,
      '[resource-drop]nonterminal-node': trampoline3,
      '[resource-drop]query': trampoline9,
      '[resource-drop]query-match-iterator': trampoline7,
      '[resource-drop]terminal-node': trampoline4,
      '[resource-new]cursor': trampoline2,
      '[resource-new]nonterminal-node': trampoline0,
      '[resource-new]query': trampoline8,
      '[resource-new]query-match-iterator': trampoline6,
      '[resource-new]terminal-node': trampoline1,
    },
    '[export]nomic-foundation:slang/parser': {
      '[resource-drop]parse-error': trampoline15,
      '[resource-drop]parse-output': trampoline13,
      '[resource-drop]parser': trampoline11,
      '[resource-new]parse-error': trampoline14,
      '[resource-new]parse-output': trampoline12,
      '[resource-new]parser': trampoline10,
    },
    wasi_snapshot_preview1: {
      environ_get: exports0['12'],
      environ_sizes_get: exports0['13'],
      fd_write: exports0['11'],
      proc_exit: exports0['14'],
    },
  }));
  ({ exports: exports2 } = await instantiateCore(await module1, {
    __main_module__: {
      cabi_realloc: exports1.cabi_realloc,
    },
    env: {
      memory: exports1.memory,
    },
    'wasi:cli/environment@0.2.0': {
      'get-environment': exports0['10'],
    },
    'wasi:cli/exit@0.2.0': {
      exit: trampoline21,
    },
    'wasi:cli/stderr@0.2.0': {
      'get-stderr': trampoline20,
    },
    'wasi:cli/stdin@0.2.0': {
      'get-stdin': trampoline22,
    },
    'wasi:cli/stdout@0.2.0': {
      'get-stdout': trampoline23,
    },
    'wasi:filesystem/preopens@0.2.0': {
      'get-directories': exports0['0'],
    },
    'wasi:filesystem/types@0.2.0': {
      '[method]descriptor.append-via-stream': exports0['2'],
      '[method]descriptor.get-type': exports0['3'],
      '[method]descriptor.stat': exports0['4'],
      '[method]descriptor.write-via-stream': exports0['1'],
      '[resource-drop]descriptor': trampoline19,
      'filesystem-error-code': exports0['5'],
    },
    'wasi:io/error@0.2.0': {
      '[resource-drop]error': trampoline16,
    },
    'wasi:io/streams@0.2.0': {
      '[method]output-stream.blocking-flush': exports0['9'],
      '[method]output-stream.blocking-write-and-flush': exports0['8'],
      '[method]output-stream.check-write': exports0['6'],
      '[method]output-stream.write': exports0['7'],
      '[resource-drop]input-stream': trampoline17,
      '[resource-drop]output-stream': trampoline18,
    },
  }));
  memory0 = exports1.memory;
  realloc0 = exports2.cabi_import_realloc;
  ({ exports: exports3 } = await instantiateCore(await module3, {
    '': {
      $imports: exports0.$imports,
      '0': trampoline24,
      '1': trampoline25,
      '10': trampoline34,
      '11': exports2.fd_write,
      '12': exports2.environ_get,
      '13': exports2.environ_sizes_get,
      '14': exports2.proc_exit,
      '15': exports1['nomic-foundation:slang/cst#[dtor]terminal-kind-extensions'],
      '16': exports1['nomic-foundation:slang/cst#[dtor]nonterminal-node'],
      '17': exports1['nomic-foundation:slang/cst#[dtor]terminal-node'],
      '18': exports1['nomic-foundation:slang/cst#[dtor]cursor'],
      '19': exports1['nomic-foundation:slang/cst#[dtor]query'],
      '2': trampoline26,
      '20': exports1['nomic-foundation:slang/cst#[dtor]query-match-iterator'],
      '21': exports1['nomic-foundation:slang/ast#[dtor]selectors'],
      '22': exports1['nomic-foundation:slang/parser#[dtor]parser'],
      '23': exports1['nomic-foundation:slang/parser#[dtor]parse-error'],
      '24': exports1['nomic-foundation:slang/parser#[dtor]parse-output'],
      '3': trampoline27,
      '4': trampoline28,
      '5': trampoline29,
      '6': trampoline30,
      '7': trampoline31,
      '8': trampoline32,
      '9': trampoline33,
    },
  }));
  postReturn0 = exports1['cabi_post_nomic-foundation:slang/cst#[method]nonterminal-node.children'];
  postReturn1 = exports1['cabi_post_nomic-foundation:slang/cst#[method]nonterminal-node.to-json'];
  postReturn2 = exports1['cabi_post_nomic-foundation:slang/cst#[method]cursor.ancestors'];
  realloc1 = exports1.cabi_realloc;
  postReturn3 = exports1['cabi_post_nomic-foundation:slang/ast#[static]selectors.choice'];
  postReturn4 = exports1['cabi_post_nomic-foundation:slang/cst#[method]query-match-iterator.next'];
  postReturn5 = exports1['cabi_post_nomic-foundation:slang/ast#[static]selectors.sequence'];
  postReturn6 = exports1['cabi_post_nomic-foundation:slang/ast#[static]selectors.repeated'];
  postReturn7 = exports1['cabi_post_nomic-foundation:slang/ast#[static]selectors.separated'];
  postReturn8 = exports1['cabi_post_nomic-foundation:slang/parser#[static]parser.supported-versions'];
})();

await $init;
const ast = {
  Selectors: Selectors,
  
};
const cst = {
  Cursor: Cursor,
  EdgeLabel: edgeLabel,
  NodeVariant: NodeVariant,
  NonterminalKind: nonterminalKind,
  NonterminalNode: NonterminalNode,
  Query: Query,
  QueryMatchIterator: QueryMatchIterator,
  TerminalKind: terminalKind,
  TerminalKindExtensions: TerminalKindExtensions,
  TerminalNode: TerminalNode,
  
};
const parser = {
  ParseError: ParseError,
  ParseOutput: ParseOutput,
  Parser: Parser,
  
};


__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 31074:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K3: () => (/* reexport safe */ _generated_solidity_cargo_wasm_component_js__WEBPACK_IMPORTED_MODULE_0__.K3),
/* harmony export */   tQ: () => (/* reexport safe */ _generated_solidity_cargo_wasm_component_js__WEBPACK_IMPORTED_MODULE_0__.tQ)
/* harmony export */ });
/* harmony import */ var _generated_solidity_cargo_wasm_component_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49431);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_generated_solidity_cargo_wasm_component_js__WEBPACK_IMPORTED_MODULE_0__]);
_generated_solidity_cargo_wasm_component_js__WEBPACK_IMPORTED_MODULE_0__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];


__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ })

};
