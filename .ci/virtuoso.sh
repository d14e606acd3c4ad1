#!/usr/bin/env bash
# A throwaway Virtuoso (Debian's virtuoso-opensource-7) for kg's push tests.
#
#   .ci/virtuoso.sh install      install the package if virtuoso-t is missing (needs root)
#   .ci/virtuoso.sh start [DIR]  start a server on 127.0.0.1 with a fresh database in DIR
#                                (default: a new temporary folder), on free ports; wait until
#                                it answers SPARQL, then print shell assignments to eval:
#                                KG_VIRTUOSO_URL, KG_VIRTUOSO_DIR, KG_VIRTUOSO_USER, ...
#   .ci/virtuoso.sh stop DIR     stop the server started in DIR and delete DIR
#
# The server never touches the package's own database (/var/lib/virtuoso-opensource-7): its
# database, log and ini live in DIR. A fresh database's administrator is dba / dba; the server
# listens on 127.0.0.1 only. $PYTHON (default python3) picks the free ports.
set -euo pipefail

READY_TIMEOUT=${KG_VIRTUOSO_READY_TIMEOUT:-120}  # seconds; a cold start took ~2 s here (the install, ~15 s)
PACKAGE_INI=/etc/virtuoso-opensource-7/virtuoso.ini
SHARE=/usr/share/virtuoso-opensource-7

die() { echo "virtuoso.sh: $*" >&2; exit 1; }

free_port() {  # a port nothing listens on now ($PYTHON: any Python 3, default python3)
    "${PYTHON:-python3}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

install() {
    command -v virtuoso-t >/dev/null && return 0
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends virtuoso-opensource-7
}

write_ini() {  # DIR SQL_PORT HTTP_PORT
    local dir=$1 sql=$2 http=$3
    cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:$sql
DisableUnixSocket        = 1
MaxClientConnections     = 10
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = ., $dir, $SHARE/vad
VADInstallDir            = $SHARE/vad/
NumberOfBuffers          = 10000
MaxDirtyBuffers          = 6000
ThreadsPerQuery          = 2

[HTTPServer]
ServerPort               = 127.0.0.1:$http
ServerRoot               = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections     = 10
ServerThreads            = 10
Charset                  = UTF-8
EnabledGzipContent       = 1

[SPARQL]
ResultSetMaxRows           = 10000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60

[Plugins]
LoadPath = /usr/lib/x86_64-linux-gnu/virtuoso-opensource-7/hosting
EOF
}

wait_ready() {  # DIR URL PID
    local dir=$1 url=$2 pid=$3 waited=0
    until curl -sf -o /dev/null "$url/sparql?query=ASK%7B%7D"; do
        kill -0 "$pid" 2>/dev/null || die "the server stopped while starting; see $dir/virtuoso.log: $(tail -n 3 "$dir/virtuoso.log" 2>/dev/null | tr '\n' ' ')"
        (( waited++ >= READY_TIMEOUT )) && die "no answer from $url after ${READY_TIMEOUT}s; see $dir/virtuoso.log"
        sleep 1
    done
}

start() {
    command -v virtuoso-t >/dev/null || die "virtuoso-t is not installed: run '.ci/virtuoso.sh install' (apt-get install virtuoso-opensource-7)"
    [ -f "$PACKAGE_INI" ] || [ -d "$SHARE" ] || die "virtuoso-opensource-7 looks incomplete: $SHARE is missing"
    local dir=${1:-$(mktemp -d -t kg-virtuoso.XXXXXX)}
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    local sql http
    sql=$(free_port); http=$(free_port)
    while [ "$http" = "$sql" ]; do http=$(free_port); done
    write_ini "$dir" "$sql" "$http"
    # +foreground keeps the server our child, so its pid is the one we kill on stop.
    (cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1) &
    local pid=$!
    echo "$pid" >"$dir/virtuoso.pid"
    local url="http://127.0.0.1:$http"
    wait_ready "$dir" "$url" "$pid"
    echo "KG_VIRTUOSO_URL=$url"
    echo "KG_VIRTUOSO_DIR=$dir"
    echo "KG_VIRTUOSO_USER=dba"
    echo "KG_VIRTUOSO_PASSWORD=dba"
    echo "KG_VIRTUOSO_SQL_PORT=$sql"
}

stop() {
    local dir=${1:-${KG_VIRTUOSO_DIR:-}}
    [ -n "$dir" ] || die "stop needs the folder start printed (KG_VIRTUOSO_DIR)"
    [ -f "$dir/virtuoso.pid" ] || die "$dir/virtuoso.pid: no server was started in $dir"
    local pid waited=0
    pid=$(cat "$dir/virtuoso.pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        while kill -0 "$pid" 2>/dev/null && (( waited++ < 30 )); do sleep 1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    install) install ;;
    start) shift; start "$@" ;;
    stop) shift; stop "$@" ;;
    *) die "usage: $0 install | start [DIR] | stop DIR" ;;
esac
