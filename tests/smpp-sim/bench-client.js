#!/usr/bin/env node
// A minimal SMPP client: the ceiling Sotong's submission rate is compared with (docs/benchmarks.md, issue 6).
//
//   node bench-client.js --port N [--binds 4] [--window 50] [--count 100000] [--system-id ID] [--password PW]
//
// Binds as transceivers, keeps `window` submit_sm outstanding per bind, each a single-part UCS-2 text to a
// different number, and prints {"submitted":N,"seconds":S,"rate":R} once every response has come back.
'use strict';

const smpp = require('smpp');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(option('--port', '2775'));
const binds = Number(option('--binds', '4'));
const windowSize = Number(option('--window', '50'));
const count = Number(option('--count', '100000'));
const systemId = option('--system-id', 'sotong');
const password = option('--password', 'secret');
const text = Buffer.from('[중구청] 구정소식: 이번 주 토요일 중림동 주민센터에서 건강검진이 있습니다.', 'utf16le').swap16();

let next = 0;
let done = 0;
let failed = 0;
let started;

function pump(session) {
  while (session.inFlight < windowSize && next < count) {
    const n = next++;
    session.inFlight++;
    session.submit_sm({
      source_addr: '0120', destination_addr: '010' + String(10000000 + n).slice(-8), data_coding: 0x08,
      registered_delivery: 1, short_message: text,
    }, (pdu) => {
      session.inFlight--;
      if (pdu.command_status !== 0) failed++;
      done++;
      if (done === count) finish();
      else pump(session);
    });
  }
}

function finish() {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ submitted: count, failed, seconds, rate: count / seconds }) + '\n');
  process.exit(0);
}

let ready = 0;
const sessions = [];
for (let b = 0; b < binds; b++) {
  const session = smpp.connect({ url: 'smpp://127.0.0.1:' + port, auto_enquire_link_period: 30000 });
  session.inFlight = 0;
  session.bind_transceiver({ system_id: systemId, password }, (pdu) => {
    if (pdu.command_status !== 0) {
      process.stderr.write('bind failed: ' + pdu.command_status + '\n');
      process.exit(1);
    }
    sessions.push(session);
    if (++ready === binds) {
      started = process.hrtime.bigint();
      for (const s of sessions) pump(s);
    }
  });
}
