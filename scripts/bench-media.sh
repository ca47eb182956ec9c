#!/usr/bin/env bash
# Media uploads through the host: one 200 MB video sent to POST /api/v1/media (MB/s, and how far the host's resident
# memory rose above its level before the upload: the body must stream, not be held), then 100 concurrent uploads of
# 1 MB images (requests/s, p50, p99, non-201 answers).
# Usage: scripts/bench-media.sh [video-MB=200] [images=100]
# BENCH_MEDIA_STORE=local (default, a temporary folder) or s3 (the local S3 server on 127.0.0.1:56390).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
video_mb="${1:-200}"; images="${2:-100}"; port="${BENCH_PORT:-5093}"; store="${BENCH_MEDIA_STORE:-local}"

# Start the services only when PostgreSQL is not already listening.
(exec 3<>/dev/tcp/127.0.0.1/55432) 2>/dev/null || scripts/services.sh up
dotnet build src/Host/Host.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null

work=$(mktemp -d)
export ConnectionStrings__Platform="Host=127.0.0.1;Port=55432;Database=platform_bench_media;Username=platform_app;Password=platform_app_dev;Maximum Pool Size=64"
export ConnectionStrings__Owner="Host=127.0.0.1;Port=55432;Database=platform_bench_media;Username=platform_owner;Password=platform_owner_dev"
export RateLimiting__PermitsPerMinute=100000000 Hangfire__ServerEnabled=false Publishing__DispatcherEnabled=false
export Logging__LogLevel__Default=Warning Redis__InstanceName="bench-media:"
export Media__Local__Root="$work/store" Media__Quotas__Free__MaxBytes=$((8 << 30)) Media__Quotas__Free__MaxFiles=100000
if [ "$store" = s3 ]; then
  # s3rver's documented default credentials (https://github.com/jamhall/s3rver#supported-methods).
  export Media__S3__ServiceUrl="http://127.0.0.1:${PLATFORM_S3_PORT:-56390}" Media__S3__Bucket=media Media__S3__Region=us-east-1
  export Media__S3__ForcePathStyle=true Media__S3__AccessKey=S3RVER Media__S3__SecretKey=S3RVER
fi
# Outside Development the host refuses to start without keys of its own.
random() { head -c 32 /dev/urandom | base64 -w0; }
export Jwt__SigningKey="$(random)" Webhooks__SigningKey="$(random)"
export SocialAccounts__Encryption__Keys__bench="$(random)" SocialAccounts__Encryption__CurrentKeyId=bench

# The files: an MP4 (ftyp, a filler mdat, then moov with mvhd and one trak > tkhd, as
# https://developer.apple.com/documentation/quicktime-file-format/movie_atom lays them out) and PNGs of random pixels
# (incompressible, so each is about 1 MB; https://www.w3.org/TR/png-3/).
python3 - "$work" "$video_mb" "$images" <<'PY'
import os, struct, sys, zlib
work, video_mb, images = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
box = lambda kind, body: struct.pack(">I", 8 + len(body)) + kind + body
mvhd = bytearray(100); struct.pack_into(">II", mvhd, 12, 600, 600 * 60)
tkhd = bytearray(84); struct.pack_into(">II", tkhd, 76, 1920 << 16, 1080 << 16)
moov = box(b"moov", box(b"mvhd", bytes(mvhd)) + box(b"trak", box(b"tkhd", bytes(tkhd))))
ftyp = box(b"ftyp", b"isom\0\0\2\0isomiso2avc1mp41")
filler = video_mb * 1024 * 1024 - len(ftyp) - len(moov) - 8
with open(os.path.join(work, "video.mp4"), "wb") as f:
    f.write(ftyp + struct.pack(">I", 8 + filler) + b"mdat")
    chunk = os.urandom(1 << 20)
    for _ in range(filler >> 20): f.write(chunk)
    f.write(chunk[: filler & ((1 << 20) - 1)]); f.write(moov)
def png(seed, side=580):
    raw = b"".join(b"\0" + os.urandom(side * 3) for _ in range(side))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b"")
for i in range(images):
    with open(os.path.join(work, f"image-{i}.png"), "wb") as f: f.write(png(i))
PY

dll=src/Host/bin/Release/net10.0/Platform.Host.dll
dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/host.log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2; done

email="bench-media-$(date +%s%N)@example.com"
credentials="{\"email\":\"$email\",\"password\":\"benchmark-password-1\"}"
curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/register" -H 'content-type: application/json' -d "{\"tenantName\":\"Bench\",${credentials:1}" >/dev/null
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' -d "$credentials" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
upload() { # file -> "status seconds"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" \
    -F "file=@$1;type=application/octet-stream" "http://127.0.0.1:$port/api/v1/media"
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$host/status"; }

# Warm the upload path (JIT, pools, the store's folder or bucket) with a few images first.
for i in 0 1 2; do upload "$work/image-$i.png" >/dev/null; done
sleep 1
before=$(rss_kb); peak=$before
upload "$work/video.mp4" >"$work/video.result" &
sender=$!
while kill -0 $sender 2>/dev/null; do now=$(rss_kb); [ "$now" -gt "$peak" ] && peak=$now; sleep 0.05; done
read -r status seconds <"$work/video.result"
bytes=$(stat -c %s "$work/video.mp4")
echo "media upload benchmark on $(nproc) cores, store: $store"
awk -v s="$status" -v t="$seconds" -v b="$bytes" -v before="$before" -v peak="$peak" 'BEGIN {
  printf "video %d MB: HTTP %s in %.2f s = %.1f MB/s; host RSS %.0f MB before, peak growth %.1f MB\n",
    b / 1048576, s, t, b / 1048576 / t, before / 1024, (peak - before) / 1024 }'

export -f upload; export token port
start=$(date +%s.%N)
seq 0 $((images - 1)) | xargs -P "$images" -I{} bash -c "upload '$work/image-{}.png'" >"$work/images.result"
end=$(date +%s.%N)
sort -k2 -n "$work/images.result" | awk -v n="$images" -v start="$start" -v end="$end" -v size="$(stat -c %s "$work/image-0.png")" '
  { status[NR] = $1; t[NR] = $2; if ($1 != "201") bad++ }
  END {
    p50 = t[int((NR - 1) * 0.50) + 1]; p99 = t[int((NR - 1) * 0.99) + 1]
    printf "%d concurrent images of %.2f MB: %.1f uploads/s, p50 %.0f ms, p99 %.0f ms, non-201 %d\n",
      n, size / 1048576, n / (end - start), p50 * 1000, p99 * 1000, bad + 0 }'
awk '$1 != "201" { count[$1]++ } END { for (s in count) printf "  HTTP %s: %d\n", s, count[s] }' "$work/images.result"
grep -m3 -iE "fail|exception" "$work/host.log" || true
