#!/usr/bin/env node
// An SMSC for Sotong's SMPP interop tests, on the npm `smpp` package's server.
//
//   node smsc.js [--port N] [--system-id ID] [--password PW]     (or SMSC_PORT, SMSC_SYSTEM_ID, SMSC_PASSWORD)
//
// Port 0 (the default) takes a free port. Everything the SMSC sees is printed on stdout as one JSON object per
// line ({"event": ...}); the first line is {"event":"listening","port":N}. Commands come on stdin, one JSON object
// per line, with an optional "id" echoed back in {"event":"ack"} or {"event":"error"}:
//
//   {"cmd":"deliver","from":"01012345678","to":"1588","text":"안녕하세요","coding":"ucs2"|"ksc5601"|"gsm"}
//   {"cmd":"deliver_concat","from","to","text","parts":3,"ref":7,"order":[3,1,2],"mode":"udh"|"udh16"|"sar"}
//   {"cmd":"receipt","message_id":"sim-1","from","to","stat":"DELIVRD","err":"000"}
//   {"cmd":"send","command":"enquire_link"|"unbind"|"data_sm"}   a request to the client; prints its response
//   {"cmd":"malformed"}                         a frame whose command_length (8) is shorter than a header
//   {"cmd":"drop"}                              destroys the bound socket without unbind
//   {"cmd":"silence_enquire_link"}              stops answering enquire_link on the bound session
//   {"cmd":"reject_submits","status":88,"count":1}   answers the next submit_sm with that command_status
//   {"cmd":"submit_delay","ms":300}             holds each submit_sm_resp that long
//   {"cmd":"quiet","on":true}                   stops printing one event per submit_sm (counts are still kept)
//   {"cmd":"throttle","rate":200}               per bind: beyond `rate` submits per second, answer 0x58 (throttled);
//                                               rate 0 lifts it. A token bucket holding a tenth of a second's worth.
//   {"cmd":"auto_receipt","on":true,"stat":"DELIVRD","delay_ms":50}  a delivery receipt for every accepted submit
//   {"cmd":"pause","ms":30000}                  the SMSC goes away: every session is cut and nothing is accepted
//                                               for that long, then it listens again on the same port
//   {"cmd":"stats"}                             prints {"event":"stats", accepted, throttled, rejected, recipients,
//                                               duplicates, max_per_recipient, binds, sessions, seconds, rate}
//   {"cmd":"reset_stats"}
//
// --quiet on the command line starts in quiet mode.
'use strict';

const readline = require('readline');
const smpp = require('smpp');
// iconv-lite comes with smpp (the lockfile places it at node_modules/iconv-lite); it gives us an encoder for
// code page 949 that does not share any code with the .NET decoder under test.
const iconv = require('iconv-lite');

function option(name, envName, fallback) {
  const i = process.argv.indexOf(name);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  return process.env[envName] !== undefined ? process.env[envName] : fallback;
}

const port = Number(option('--port', 'SMSC_PORT', '0'));
const systemId = option('--system-id', 'SMSC_SYSTEM_ID', 'sotong');
const password = option('--password', 'SMSC_PASSWORD', 'secret');

// Report short_message exactly as it arrived: without this the package decodes it (and strips the UDH) itself.
delete smpp.commands.submit_sm.params.short_message.filter;

function emit(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

let bound = null;
let nextMessageId = 1;
let outstanding = 0;
let submitDelayMs = 0;
const rejectStatuses = [];
let quiet = process.argv.includes('--quiet');
let throttleRate = 0;
let autoReceipt = null;
let paused = false;
const sessions = new Set();
// Counts for the reliability tests and benchmarks: accepted submits per destination (parts of one text count once
// per part, so tests send single-part texts when they count recipients).
let stats = newStats();

function newStats() {
  return { accepted: 0, throttled: 0, rejected: 0, binds: 0, perRecipient: new Map(), firstAt: null, lastAt: null };
}

function takeToken(session) {
  if (!throttleRate) return true;
  const now = process.hrtime.bigint();
  const capacity = Math.max(1, throttleRate / 10);
  if (session.bucket === undefined) {
    session.bucket = capacity;
    session.bucketAt = now;
  }
  const elapsed = Number(now - session.bucketAt) / 1e9;
  session.bucket = Math.min(capacity, session.bucket + elapsed * throttleRate);
  session.bucketAt = now;
  if (session.bucket >= 1) {
    session.bucket -= 1;
    return true;
  }
  return false;
}

function ucs2(text) {
  return Buffer.from(text, 'utf16le').swap16();
}

function encode(text, coding) {
  switch (coding || 'ucs2') {
    case 'ucs2': return { data_coding: 0x08, bytes: ucs2(text) };
    case 'ksc5601': return { data_coding: 0x0E, bytes: iconv.encode(text, 'cp949') };
    case 'gsm': return { data_coding: 0x00, bytes: Buffer.from(text, 'latin1') };
    default: throw new Error('unknown coding ' + coding);
  }
}

function receiptOn(session, cmd) {
  const text = 'id:' + cmd.message_id + ' sub:001 dlvrd:001 submit date:2506011200 done date:2506011201 stat:' +
    (cmd.stat || 'DELIVRD') + ' err:' + (cmd.err || '000') + ' text:';
  deliver(session, {
    source_addr: cmd.from, destination_addr: cmd.to, esm_class: 0x04, data_coding: 0x00,
    short_message: Buffer.from(text, 'ascii'), receipted_message_id: cmd.message_id, message_state: 2,
  });
}

function deliver(session, fields) {
  session.deliver_sm(fields, (resp) => {
    if (!quiet || fields.esm_class !== 0x04) {
      emit({ event: 'deliver_sm_resp', sequence_number: resp.sequence_number, command_status: resp.command_status });
    }
  });
}

const server = smpp.createServer((session) => {
  if (paused) {
    session.socket.destroy();
    return;
  }
  sessions.add(session);
  session.on('error', (e) => emit({ event: 'session_error', error: e.message }));

  session.on('bind_transceiver', (pdu) => {
    const ok = pdu.system_id === systemId && pdu.password === password;
    emit({
      event: 'bind', ok, system_id: pdu.system_id, system_type: pdu.system_type,
      interface_version: pdu.interface_version,
    });
    if (!ok) {
      session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
      return;
    }
    bound = session;
    stats.binds++;
    session.send(pdu.response({ system_id: 'sotong-sim' }));
  });

  session.on('enquire_link', (pdu) => {
    emit({ event: 'enquire_link', sequence_number: pdu.sequence_number });
    if (!session.silent) session.send(pdu.response());
  });

  session.on('submit_sm', (pdu) => {
    if (!takeToken(session)) {
      stats.throttled++;
      if (!quiet) emit({ event: 'throttled', destination_addr: pdu.destination_addr });
      session.send(pdu.response({ command_status: 0x58 }));
      return;
    }
    const record = {
      event: 'submit_sm', sequence_number: pdu.sequence_number,
      source_addr_ton: pdu.source_addr_ton, source_addr_npi: pdu.source_addr_npi, source_addr: pdu.source_addr,
      dest_addr_ton: pdu.dest_addr_ton, dest_addr_npi: pdu.dest_addr_npi, destination_addr: pdu.destination_addr,
      esm_class: pdu.esm_class, registered_delivery: pdu.registered_delivery, data_coding: pdu.data_coding,
      short_message_hex: Buffer.from(pdu.short_message).toString('hex'),
    };
    const status = rejectStatuses.shift();
    if (status) {
      stats.rejected++;
      record.command_status = status;
      emit(record);
      session.send(pdu.response({ command_status: status }));
      return;
    }
    const id = 'sim-' + nextMessageId++;
    outstanding++;
    stats.accepted++;
    const at = process.hrtime.bigint();
    if (stats.firstAt === null) stats.firstAt = at;
    stats.lastAt = at;
    stats.perRecipient.set(pdu.destination_addr, (stats.perRecipient.get(pdu.destination_addr) || 0) + 1);
    record.message_id = id;
    record.outstanding = outstanding;
    if (!quiet) emit(record);
    const respond = () => {
      outstanding--;
      session.send(pdu.response({ message_id: id }));
      if (autoReceipt) {
        setTimeout(() => {
          if (session.closed) return;
          receiptOn(session, { message_id: id, from: pdu.destination_addr, to: pdu.source_addr, stat: autoReceipt.stat, err: autoReceipt.err });
        }, autoReceipt.delay_ms || 0);
      }
    };
    if (submitDelayMs > 0) setTimeout(respond, submitDelayMs); else respond();
  });

  session.on('unbind', (pdu) => {
    emit({ event: 'unbind' });
    session.send(pdu.response());
    session.close();
  });

  session.on('close', () => {
    session.closed = true;
    sessions.delete(session);
    emit({ event: 'close' });
    if (bound === session) bound = null;
    if (!bound) for (const other of sessions) bound = other;
  });
});

const commands = {
  deliver(cmd) {
    const { data_coding, bytes } = encode(cmd.text, cmd.coding);
    deliver(bound, {
      source_addr: cmd.from, destination_addr: cmd.to, esm_class: 0, data_coding, short_message: bytes,
    });
  },

  deliver_concat(cmd) {
    const total = cmd.parts;
    const chars = Array.from(cmd.text);
    const size = Math.ceil(chars.length / total);
    const order = cmd.order || Array.from({ length: total }, (_, i) => i + 1);
    const ref = cmd.ref === undefined ? 42 : cmd.ref;
    for (const seq of order) {
      const body = ucs2(chars.slice((seq - 1) * size, seq * size).join(''));
      const fields = { source_addr: cmd.from, destination_addr: cmd.to, data_coding: 0x08 };
      switch (cmd.mode || 'udh') {
        case 'udh':
          fields.esm_class = 0x40;
          fields.short_message = Buffer.concat([Buffer.from([0x05, 0x00, 0x03, ref & 0xff, total, seq]), body]);
          break;
        case 'udh16':
          fields.esm_class = 0x40;
          fields.short_message = Buffer.concat([Buffer.from([0x06, 0x08, 0x04, (ref >> 8) & 0xff, ref & 0xff, total, seq]), body]);
          break;
        case 'sar':
          fields.esm_class = 0;
          fields.short_message = body;
          fields.sar_msg_ref_num = ref;
          fields.sar_total_segments = total;
          fields.sar_segment_seqnum = seq;
          break;
        default:
          throw new Error('unknown mode ' + cmd.mode);
      }
      deliver(bound, fields);
    }
  },

  receipt(cmd) {
    receiptOn(bound, cmd);
  },

  quiet(cmd) {
    quiet = cmd.on !== false;
  },

  throttle(cmd) {
    throttleRate = cmd.rate || 0;
    for (const session of sessions) session.bucket = undefined;
  },

  auto_receipt(cmd) {
    autoReceipt = cmd.on === false ? null : { stat: cmd.stat || 'DELIVRD', err: cmd.err || '000', delay_ms: cmd.delay_ms || 0 };
  },

  pause(cmd) {
    paused = true;
    for (const session of sessions) session.socket.destroy();
    server.close();
    setTimeout(() => {
      paused = false;
      server.listen(port === 0 ? server.lastPort : port, '127.0.0.1', () => emit({ event: 'resumed', port: server.address().port }));
    }, cmd.ms || 0);
  },

  stats() {
    let duplicates = 0;
    let max = 0;
    for (const count of stats.perRecipient.values()) {
      duplicates += count - 1;
      if (count > max) max = count;
    }
    emit({
      event: 'stats', accepted: stats.accepted, throttled: stats.throttled, rejected: stats.rejected,
      recipients: stats.perRecipient.size, duplicates, max_per_recipient: max, binds: stats.binds, sessions: sessions.size,
      // Accepted submits per second between the first and the last one: the rate the SMSC saw.
      seconds: stats.firstAt === null ? 0 : Number(stats.lastAt - stats.firstAt) / 1e9,
      rate: stats.accepted > 1 ? (stats.accepted - 1) / (Number(stats.lastAt - stats.firstAt) / 1e9) : 0,
    });
  },

  reset_stats() {
    stats = newStats();
  },

  send(cmd) {
    // A request from the SMSC to the client: enquire_link, unbind, or one the client does not implement (data_sm).
    bound.send(new smpp.PDU(cmd.command, {}), (resp) => {
      emit({ event: 'response', command: resp.command, command_status: resp.command_status, sequence_number: resp.sequence_number });
    });
  },

  malformed() {
    bound.socket.write(Buffer.from('0000000800000005', 'hex'));
  },

  drop() {
    bound.socket.destroy();
  },

  silence_enquire_link() {
    bound.silent = true;
  },

  reject_submits(cmd) {
    for (let i = 0; i < (cmd.count || 1); i++) rejectStatuses.push(cmd.status);
  },

  submit_delay(cmd) {
    submitDelayMs = cmd.ms;
  },
};

const needsSession = new Set(['deliver', 'deliver_concat', 'receipt', 'send', 'malformed', 'drop', 'silence_enquire_link']);

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  let cmd;
  try {
    cmd = JSON.parse(line);
    if (!commands[cmd.cmd]) throw new Error('unknown command ' + cmd.cmd);
    if (needsSession.has(cmd.cmd) && !bound) throw new Error('no bound session');
    commands[cmd.cmd](cmd);
    emit({ event: 'ack', id: cmd.id, cmd: cmd.cmd });
  } catch (e) {
    emit({ event: 'error', id: cmd && cmd.id, cmd: cmd && cmd.cmd, error: e.message });
  }
}).on('close', () => {
  // The test process closed our stdin: it is done with us.
  server.close();
  process.exit(0);
});

server.listen(port, '127.0.0.1', () => {
  server.lastPort = server.address().port;
  emit({ event: 'listening', port: server.lastPort });
});
