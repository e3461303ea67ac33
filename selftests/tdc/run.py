#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
run.py - run tdc-format control-plane test cases, each in a fresh network
namespace, and print TAP.

    selftests/tdc/run.py [-c CATEGORY]... [-e ID]... [-j N] [-t SECONDS]
                         [-l] [-v] [--validate] [--pending] [--in-place]
                         [-i] [FILE...]

The cases use the format of the kernel's tools/testing/selftests/tc-testing
(tdc.py): a JSON array of objects with id, name, category, setup,
cmdUnderTest, expExitCode, verifyCmd, matchPattern and matchCount and/or
matchJSON, and teardown. See Documentation/testing.rst for the format, the
variables and how this runner differs from tdc.py.

Without FILEs, every *.json file next to this script is run except
*.pending.json (cases for features the CLI does not have yet); those are
still validated. Needs root and the p4tc module (loaded from kernel/p4tc.ko
if it is not); run it in the guest: tools/vmtest -- selftests/tdc/run.py
"""

import argparse
import ctypes
import errno
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from string import Template

TDC_DIR = os.path.dirname(os.path.realpath(__file__))
TOP = os.path.dirname(os.path.dirname(TDC_DIR))

REQUIRED = ('id', 'name', 'category', 'setup', 'cmdUnderTest', 'expExitCode',
            'verifyCmd', 'teardown')
OPTIONAL = ('matchPattern', 'matchCount', 'matchJSON', 'skip', 'plugins')
ID_RE = re.compile(r'^[0-9a-f]{4}$')

# Words of the kernel log that fail a case (those tools/vmtest looks for).
KMSG_BAD = ('BUG:', 'kernel BUG at', 'invalid opcode:', 'WARNING:', 'Oops',
            'Call Trace:', 'page allocation failure', 'general protection',
            'RCU stall', 'rcu_sched self-detected stall', 'rcu: INFO',
            'detected stalls', 'refcount_t', 'list_add corruption',
            'list_del corruption', 'Kernel panic', 'KASAN', 'UBSAN',
            'kmemleak', 'unreferenced object', 'blocked for more than')

# Commands are shell commands, as in tdc.py, but every exec costs about
# 0.1 s in the emulated guest. So the runner runs these simple forms itself,
# with the results /bin/sh would give: words made of the characters below
# (no quoting, expansion or redirection; "=" not in the first word),
# "cat FILE..." read directly,
# "2>&1" at the end of a command, and commands joined by ";".
PLAIN_WORD = re.compile(r'^[A-Za-z0-9_./:,+@%^=-]+$')

CLONE_NEWNET = 0x40000000
MS_BIND = 0x1000
MNT_DETACH = 2
NETNS_RUN_DIR = '/run/netns'


# Validation

def validate_case(case, where):
    """Return the problems of one case, as strings."""
    problems = []

    def bad(msg):
        problems.append('{}: {}'.format(where, msg))

    if not isinstance(case, dict):
        bad('a case is a JSON object')
        return problems
    for f in REQUIRED:
        if f not in case:
            bad('missing field "{}"'.format(f))
    for f in case:
        if f not in REQUIRED and f not in OPTIONAL:
            bad('unknown field "{}"'.format(f))
    if problems:
        return problems
    if not isinstance(case['id'], str) or not ID_RE.match(case['id']):
        bad('id {!r} is not 4 lowercase hex digits'.format(case['id']))
    if not isinstance(case['name'], str) or not case['name'].strip():
        bad('name must be a non-empty string')
    cat = case['category']
    if (not isinstance(cat, list) or not cat or
            not all(isinstance(c, str) and c for c in cat)):
        bad('category must be a non-empty list of strings')
    for stage in ('setup', 'teardown'):
        if not isinstance(case[stage], list):
            bad('{} must be a list'.format(stage))
            continue
        for i, ent in enumerate(case[stage]):
            if isinstance(ent, str):
                continue
            if (isinstance(ent, list) and len(ent) >= 2 and
                    isinstance(ent[0], str) and
                    all(isinstance(c, int) and not isinstance(c, bool)
                        for c in ent[1:])):
                continue
            bad('{}[{}] must be "CMD" or ["CMD", EXITCODE...]'.format(stage, i))
    for f in ('cmdUnderTest', 'verifyCmd'):
        if not isinstance(case[f], str) or not case[f].strip():
            bad('{} must be a non-empty string'.format(f))
    if as_int(case['expExitCode']) is None:
        bad('expExitCode {!r} is not an integer'.format(case['expExitCode']))
    if 'matchJSON' not in case and 'matchPattern' not in case:
        bad('needs matchPattern and matchCount, or matchJSON')
    if 'matchPattern' in case:
        if not isinstance(case['matchPattern'], str):
            bad('matchPattern must be a string')
        else:
            try:
                re.compile(case['matchPattern'], re.DOTALL | re.MULTILINE)
            except re.error as e:
                bad('matchPattern does not compile: {}'.format(e))
        cnt = as_int(case.get('matchCount'))
        if cnt is None or cnt < 0:
            bad('matchPattern needs matchCount, a number >= 0')
    elif 'matchCount' in case:
        bad('matchCount without matchPattern')
    if 'skip' in case and case['skip'] not in ('yes', 'no'):
        bad('skip must be "yes" or "no"')
    return problems


def as_int(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, str) and re.match(r'^-?[0-9]+$', v.strip()):
        return int(v)
    return None


def load_files(files):
    """Load and validate @files; return their cases and the problems."""
    cases, problems, seen = [], [], {}
    for path in files:
        rel = os.path.relpath(path, TDC_DIR)
        try:
            with open(path) as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            problems.append('{}: {}'.format(rel, e))
            continue
        if not isinstance(data, list) or not data:
            problems.append('{}: must be a non-empty JSON array of cases'.format(rel))
            continue
        for i, case in enumerate(data):
            where = '{}[{}]'.format(rel, i)
            if isinstance(case, dict) and isinstance(case.get('id'), str):
                where += ' ' + case['id']
            p = validate_case(case, where)
            problems += p
            if p:
                continue
            if case['id'] in seen:
                problems.append('{}: id {} is also used by {}'.format(
                    where, case['id'], seen[case['id']]))
                continue
            seen[case['id']] = where
            case['file'] = rel
            case['path'] = path
            cases.append(case)
    return cases, problems


# matchJSON, with the semantics of tdc.py's verify_by_json(): objects match
# when each member of the pattern matches; arrays element by element, the
# output possibly longer; other values by equality. An empty array or
# object matches only an empty one, as tdc.py does for member values (and
# unlike tdc.py, at the top level too); as an element of an array, {} or []
# matches any object or array, a placeholder as in tdc.py. true and false
# never equal 1 and 0.

def json_mismatch(out, pat, path='$', placeholder=False):
    """Return why @out does not match @pat, or None."""
    if isinstance(pat, (list, dict)):
        kind = 'an array' if isinstance(pat, list) else 'an object'
        if not isinstance(out, type(pat)):
            return '{}: expected {}, got {}'.format(path, kind, json.dumps(out))
        if not pat:
            if out and not placeholder:
                return '{}: expected {}, got {}'.format(path, json.dumps(pat), json.dumps(out))
            return None
    if isinstance(pat, list):
        if len(pat) > len(out):
            return '{}: expected at least {} element(s), got {}'.format(
                path, len(pat), len(out))
        for i, p in enumerate(pat):
            why = json_mismatch(out[i], p, '{}[{}]'.format(path, i), True)
            if why:
                return why
        return None
    if isinstance(pat, dict):
        for k, p in pat.items():
            if k not in out:
                return '{}: no member "{}"'.format(path, k)
            why = json_mismatch(out[k], p, '{}.{}'.format(path, k))
            if why:
                return why
        return None
    if out != pat or isinstance(out, bool) != isinstance(pat, bool):
        return '{}: expected {}, got {}'.format(path, json.dumps(pat), json.dumps(out))
    return None


# Network namespaces, without running ip(8): the runner itself moves to a
# new namespace for each case and names it in /run/netns like "ip netns add".

class Netns:
    def __init__(self):
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.orig = os.open('/proc/self/ns/net', os.O_RDONLY)
        os.makedirs(NETNS_RUN_DIR, exist_ok=True)

    def _check(self, ret, what):
        if ret != 0:
            e = ctypes.get_errno()
            raise OSError(e, '{}: {}'.format(what, os.strerror(e)))

    def enter_new(self, name):
        path = os.path.join(NETNS_RUN_DIR, name)
        self.delete(name)
        self._check(self.libc.unshare(CLONE_NEWNET), 'unshare(CLONE_NEWNET)')
        os.close(os.open(path, os.O_RDONLY | os.O_CREAT | os.O_EXCL, 0))
        self._check(self.libc.mount(b'/proc/thread-self/ns/net', path.encode(),
                                    b'none', MS_BIND, None),
                    'bind mount on ' + path)

    def leave(self):
        self._check(self.libc.setns(self.orig, CLONE_NEWNET), 'setns')

    def delete(self, name):
        """Drop the name of a namespace, as "ip netns del" does."""
        path = os.path.join(NETNS_RUN_DIR, name)
        if not os.path.exists(path):
            return
        self.libc.umount2(path.encode(), MNT_DETACH)
        try:
            os.unlink(path)
        except OSError:
            pass


# Kernel log: new records after each case, read from /dev/kmsg.

class Kmsg:
    def __init__(self):
        self.lock = threading.Lock()
        try:
            self.fd = os.open('/dev/kmsg', os.O_RDONLY | os.O_NONBLOCK)
            os.lseek(self.fd, 0, os.SEEK_END)
        except OSError:
            self.fd = None

    def bad_lines(self):
        with self.lock:
            return self._bad_lines()

    def _bad_lines(self):
        lines = []
        while self.fd is not None:
            try:
                rec = os.read(self.fd, 8192).decode('utf-8', 'replace')
            except BlockingIOError:
                break
            except OSError as e:
                if e.errno == errno.EPIPE:      # overwritten records
                    continue
                break
            msg = rec.split(';', 1)[-1].split('\n', 1)[0]
            if any(w in msg for w in KMSG_BAD):
                lines.append(msg)
        return lines


def simple_commands(cmd):
    """[(argv, merge stderr)] if @cmd is one of the simple forms, else None."""
    cmds = []
    for part in cmd.split(';'):
        words = part.split()
        merge = bool(words) and words[-1] == '2>&1'
        if merge:
            words.pop()
        # (A first word with "=" would be an assignment.)
        if (not words or '=' in words[0] or
                not all(PLAIN_WORD.match(w) for w in words)):
            return None
        cmds.append((words, merge))
    return cmds


def cat(files, cwd):
    """cat(1) for files, as (exit code, stdout, stderr)."""
    rc, out, err = 0, '', ''
    for f in files:
        try:
            with open(os.path.join(cwd, f), encoding='utf-8', errors='replace') as fh:
                out += fh.read()
        except OSError as e:
            rc = 1
            err += 'cat: {}: {}\n'.format(f, e.strerror)
    return rc, out, err


class FastExec:
    """
    Copies of programs and of their libraries in tmpfs, run by a copy of the
    dynamic loader. In the guest the host's files are read over 9p, and the
    loader and libraries that every exec maps cost 0.1 to 0.5 s; from tmpfs
    the same bytes load several times faster.
    """
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix='tdc-bin-')
        os.chmod(self.dir, 0o755)

    def copy(self, path):
        """The argv prefix that runs a copy of @path, or [@path]."""
        try:
            out = subprocess.run(['ldd', path], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, check=True).stdout.decode()
        except (OSError, subprocess.CalledProcessError):
            return [path]
        # "libc.so.6 => /lib/.../libc.so.6 (0x...)", "/lib64/ld-linux-x86-64.so.2 (0x...)"
        libs = re.findall(r'^\s*(?:\S+ => )?(/\S+) \(0x', out, re.MULTILINE)
        loaders = [l for l in libs if os.path.basename(l).startswith('ld-linux')]
        if len(loaders) != 1:
            return [path]
        try:
            for f in [path] + libs:
                dst = os.path.join(self.dir, os.path.basename(f))
                if not os.path.exists(dst):
                    shutil.copy(os.path.realpath(f), dst)
                    os.chmod(dst, 0o755)
        except OSError:
            return [path]
        return [os.path.join(self.dir, os.path.basename(loaders[0])), '--library-path',
                self.dir, os.path.join(self.dir, os.path.basename(path))]

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class Runner:
    def __init__(self, args):
        self.args = args
        self.netns = Netns()
        self.kmsg = Kmsg()
        self.fast = FastExec()

        def program(path):
            return path if args.in_place else ' '.join(self.fast.copy(path))
        self.sh = program('/bin/sh').split()
        self.names = {
            'P4TC': program(os.path.join(TOP, 'tools/p4tc/p4tc')),
            'TC': shutil.which('tc') or '/usr/sbin/tc',
            'IP': program(shutil.which('ip') or '/usr/sbin/ip'),
            'NSENTER': program(shutil.which('nsenter') or '/usr/bin/nsenter'),
            'TOP': TOP,
            'TDC': TDC_DIR,
        }

    def run(self, cmd, names, timeout):
        """Run one command; return (exit code, stdout, stderr)."""
        cmd = Template(cmd).safe_substitute(names)
        simple = simple_commands(cmd)
        if simple is None:
            return self.spawn(self.sh + ['-c', cmd], False, names, timeout)
        rc, out, err = 0, '', ''
        for argv, merge in simple:
            if argv[0] == 'cat' and not any(a.startswith('-') for a in argv[1:]):
                rc, o, e = cat(argv[1:], names['TMP'])
            else:
                rc, o, e = self.spawn(argv, merge, names, timeout)
            out += o + e if merge else o
            err += '' if merge else e
        return rc, out, err

    def spawn(self, argv, merge, names, timeout):
        env = dict(os.environ)
        env.update(names)
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT if merge else subprocess.PIPE,
                                    env=env, cwd=names['TMP'],
                                    start_new_session=True)
        except OSError as e:
            return 127, '', '{}: {}\n'.format(argv[0], e.strerror)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            err = (err or b'') + 'timed out after {} s\n'.format(timeout).encode()
            return 255, out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace')
        return (proc.returncode, out.decode('utf-8', 'replace'),
                (err or b'').decode('utf-8', 'replace'))

    @staticmethod
    def tdc_output(rc, out, err):
        """What tdc.py matches: stderr if the command failed with some, else stdout."""
        return err if rc != 0 and err else out

    def stage(self, name, entries, names, detail):
        ok = True
        for ent in entries:
            cmd, codes = (ent, [0]) if isinstance(ent, str) else (ent[0], ent[1:])
            if not cmd.strip():
                continue
            rc, out, err = self.run(cmd, names, self.args.timeout)
            if self.args.verbose:
                detail.append('{}: {} -> {}'.format(name, cmd, rc))
            if rc not in codes:
                detail.append('{} failed: {}'.format(name, cmd))
                detail.append('exit {}, expected {}'.format(rc, ' or '.join(map(str, codes))))
                detail += indent(out + err)
                ok = False
                if name == 'setup':
                    break
        return ok

    def run_case(self, case):
        """Run one case; return (passed, detail lines)."""
        detail = []
        tid = case['id']
        nsname = 'tdc-{}-{}'.format(tid, os.getpid())
        tmp = tempfile.mkdtemp(prefix='tdc-{}-'.format(tid))
        names = dict(self.names, TESTID=tid, NS=nsname, NS2=nsname + '-2', TMP=tmp,
                     CMDOUT=os.path.join(tmp, 'cmd.stdout'),
                     CMDERR=os.path.join(tmp, 'cmd.stderr'))
        passed = False
        try:
            self.netns.enter_new(nsname)
        except OSError as e:
            shutil.rmtree(tmp, ignore_errors=True)
            return False, ['cannot create the network namespace: {}'.format(e)]
        try:
            if self.stage('setup', case['setup'], names, detail):
                passed = self.execute(case, names, detail)
            if not self.stage('teardown', case['teardown'], names, detail):
                passed = False
        finally:
            self.netns.leave()
            self.netns.delete(names['NS'])
            self.netns.delete(names['NS2'])
            shutil.rmtree(tmp, ignore_errors=True)
        bad = self.kmsg.bad_lines()
        if bad:
            detail.append('the kernel logged:')
            detail += indent('\n'.join(bad))
            passed = False
        return passed, detail

    def execute(self, case, names, detail):
        cmd = case['cmdUnderTest']
        rc, out, err = self.run(cmd, names, self.args.timeout)
        with open(names['CMDOUT'], 'w') as f:
            f.write(out)
        with open(names['CMDERR'], 'w') as f:
            f.write(err)
        exp = as_int(case['expExitCode'])
        if rc != exp or self.args.verbose:
            detail.append('command: {}'.format(Template(cmd).safe_substitute(names)))
            detail.append('exit {}, expected {}'.format(rc, exp))
            detail += indent(out + err)
        if rc != exp:
            return False

        vcmd = case['verifyCmd']
        vrc, vout, verr = self.run(vcmd, names, self.args.timeout)
        output = self.tdc_output(vrc, vout, verr)
        why = []
        if 'matchJSON' in case:
            try:
                doc = json.loads(output)
            except ValueError:
                why.append('matchJSON: the output is not JSON')
            else:
                w = json_mismatch(doc, case['matchJSON'])
                if w:
                    why.append('matchJSON: ' + w)
        if 'matchPattern' in case:
            want = as_int(case['matchCount'])
            got = len(re.findall(case['matchPattern'], output, re.DOTALL | re.MULTILINE))
            if got != want:
                why.append('matchPattern {!r} matched {} time(s), expected {}'.format(
                    case['matchPattern'], got, want))
        if why or self.args.verbose:
            detail.append('verify: {} -> exit {}'.format(
                Template(vcmd).safe_substitute(names), vrc))
            detail += indent(output)
            detail += why
        return not why

    def run_all(self, cases, jobs):
        print('1..{}'.format(len(cases)))
        sys.stdout.flush()
        failed = 0
        start = time.monotonic()
        per_file = {}

        def one(case):
            if case.get('skip') == 'yes':
                return None, [], 0
            t0 = time.monotonic()
            passed, detail = self.run_case(case)
            return passed, detail, time.monotonic() - t0

        # Each worker thread has its own network namespace; results are
        # printed in order.
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for n, (case, fut) in enumerate(zip(cases, [pool.submit(one, c) for c in cases]), 1):
                passed, detail, dt = fut.result()
                title = '{} {}'.format(case['id'], case['name'])
                if passed is None:
                    print('ok {} - {} # SKIP'.format(n, title))
                    continue
                print('{} {} - {}'.format('ok' if passed else 'not ok', n, title))
                t = per_file.setdefault(case['file'], [0, 0.0])
                t[0] += 1
                t[1] += dt
                if not passed:
                    failed += 1
                    detail.insert(0, 'file {}, {:.1f} s'.format(case['file'], dt))
                for line in detail:
                    print('#   ' + line)
                sys.stdout.flush()
        for f, (cnt, secs) in per_file.items():
            print('# tdc: {}: {} case(s), {:.0f} s'.format(f, cnt, secs))
        print('# tdc: {} of {} passed in {:.0f} s'.format(
            len(cases) - failed, len(cases), time.monotonic() - start))
        return failed


def indent(text):
    return [l for l in text.rstrip('\n').split('\n')] if text.strip() else []


def default_files(pending):
    files = sorted(glob.glob(os.path.join(TDC_DIR, '*.json')))
    return [f for f in files if pending or not f.endswith('.pending.json')]


def gen_ids(files):
    """Give the cases with an empty id a random unused one, as tdc.py -i."""
    import random
    docs = {}
    used = set()
    for path in default_files(True) + files:
        with open(path) as f:
            docs[path] = json.load(f)
        used |= {c.get('id') for c in docs[path] if isinstance(c, dict)}
    for path in files:
        todo = [c for c in docs[path] if isinstance(c, dict) and c.get('id') == '']
        for c in todo:
            while True:
                new = '{:04x}'.format(random.randrange(16 ** 4))
                if new not in used:
                    break
            used.add(new)
            c['id'] = new
        if todo:
            with open(path, 'w') as f:
                json.dump(docs[path], f, indent=4)
                f.write('\n')
            print('{}: {} id(s) given'.format(os.path.relpath(path, TDC_DIR), len(todo)))


def load_module():
    with open('/proc/modules') as f:
        if any(l.startswith('p4tc ') for l in f):
            return None
    ko = os.path.join(TOP, 'kernel/p4tc.ko')
    r = subprocess.run(['insmod', ko], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if r.returncode:
        return 'insmod {}: {}'.format(ko, r.stdout.decode().strip())
    return None


def main():
    ap = argparse.ArgumentParser(
        description='Run tdc-format p4tc test cases, each in a fresh network namespace.')
    ap.add_argument('files', nargs='*', metavar='FILE',
                    help='case files (default: every *.json here but *.pending.json)')
    ap.add_argument('-c', '--category', action='append', default=[],
                    help='run the cases of this category (repeatable)')
    ap.add_argument('-e', '--execute', action='append', default=[], metavar='ID',
                    help='run the case with this id (repeatable)')
    ap.add_argument('-l', '--list', action='store_true',
                    help='list the selected cases and exit')
    ap.add_argument('-v', '--verbose', action='store_true',
                    help='show the commands and outputs of passing cases too')
    ap.add_argument('--validate', action='store_true',
                    help='only check the case files (needs no root)')
    ap.add_argument('--pending', action='store_true',
                    help='include the *.pending.json files')
    ap.add_argument('-t', '--timeout', type=float, default=60, metavar='S',
                    help='kill a command after S seconds (default 60)')
    ap.add_argument('-j', '--jobs', type=int, default=2, metavar='N',
                    help='run N cases at a time (default 2)')
    ap.add_argument('--in-place', action='store_true',
                    help='run tools/p4tc/p4tc and /bin/sh themselves, not copies in tmpfs')
    ap.add_argument('-i', '--gen-id', action='store_true',
                    help='give the cases with "id": "" an unused id and exit')
    args = ap.parse_args()

    if args.gen_id:
        gen_ids([os.path.realpath(f) for f in args.files] or default_files(True))
        return 0

    # Every file is validated, the pending ones too, for unique ids.
    all_files = default_files(True)
    files = [os.path.realpath(f) for f in args.files] or default_files(args.pending)
    cases, problems = load_files(sorted(set(all_files + files)))
    if problems:
        for n, p in enumerate(problems, 1):
            print('not ok {} - tdc case files: {}'.format(n, p))
        print('Bail out! {} problem(s) in the case files'.format(len(problems)))
        return 2
    cases = [c for c in cases if c['path'] in files]
    if args.category or args.execute:
        cases = [c for c in cases
                 if set(c['category']) & set(args.category) or c['id'] in args.execute]
        missing = set(args.execute) - {c['id'] for c in cases}
        if missing:
            print('Error: no case with id {}'.format(', '.join(sorted(missing))),
                  file=sys.stderr)
            return 2
    if args.list:
        for c in cases:
            print('{} [{}] {}: {}'.format(c['id'], ','.join(c['category']),
                                         c['file'], c['name']))
        return 0
    if args.validate:
        print('# tdc: {} case(s) in {} file(s) are well-formed'.format(
            len(cases), len({c['file'] for c in cases})))
        return 0
    if not cases:
        print('Error: no case selected', file=sys.stderr)
        return 2
    if os.geteuid() != 0:
        print('1..0 # SKIP needs root (run it in the guest: tools/vmtest -- {})'.format(
            os.path.relpath(__file__, TOP)))
        return 4
    err = load_module()
    if err:
        print('Bail out! ' + err)
        return 1
    runner = Runner(args)
    try:
        return 1 if runner.run_all(cases, max(1, args.jobs)) else 0
    finally:
        runner.fast.remove()


if __name__ == '__main__':
    sys.exit(main())
