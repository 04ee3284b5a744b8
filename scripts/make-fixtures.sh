#!/usr/bin/env bash
# Generates test media into tests/fixtures/generated/ (git-ignored; CI runs this before tests):
#   rec-20s.mp4          20 s 640x360 30 fps H.264 (keyframe every 1 s) + AAC, frame counter burnt in
#   rec-20s.webm         same picture/sound as VP9 + Opus in WebM
#   rec-rot90.mp4        8 s of the same, stored 640x360 with a 90° display matrix (a phone held upright);
#   rec-rot180.mp4, rec-rot270.mp4  the same with 180° and 270°
#   rec-odd-vfr.mp4      8 s 858x482 (not a multiple of 16), variable frame rate, no audio
#   rec-hlg.webm         8 s 640x360 VP9 profile 2 (10-bit), tagged BT.2020 HLG (an HDR phone video)
#   rec-hevc.mp4         8 s 640x360 HEVC + AAC (an iPhone-style file this Chromium cannot decode)
#   "2026-03-14 19-00-05.mkv"  rec-20s.mp4 remuxed to Matroska under OBS's default name (the stream
#                        start is in the name; bit-exact, so no creation_time competes with it)
# Recordings as they come from the wild (issue 9), each checked with ffprobe below:
#   rec-live.mkv         12 s of rec-20s.mp4 written live: Matroska with no duration and no cues, its clusters
#                        of unknown size, as Chrome's MediaRecorder and screen capture write them (ffprobe: N/A)
#   rec-cut.mp4          a 35 s 320x180 H.264 + AAC MP4 (moov first) cut mid-packet at 6 s of media, as a stopped copy
#                        leaves it: its header still says 35 s
#   rec-cut-open.mp4     rec-cut.mp4 with its media box's size written as 0 ("runs to the end of the file"), as a
#                        recorder that never finished leaves it: no box runs past the end, yet most samples are missing
#   rec-face-walk.mp4    20 s 1280x720 H.264 + AAC: the astronaut photo (tests/fixtures/astronaut.jpg, NASA, public
#                        domain, as scikit-image ships it) crossing a grey frame and back, its left edge at
#                        x = 60 + 90 t (t < 10) then 60 + 90 (20 - t), top at y = 232 ("Follow the host", issue 23)
#   rec-two-apart.mp4    20 s 1280x720: the photo twice, still: 384 px at x = 20 and 256 px at x = 960 (too far
#                        apart for one 9:16 window: the larger face is framed)
#   rec-two-together.mp4 the same at 256 px, at x = 640 and x = 860 (side by side: framed together)
#   rec-audio-nostsd.mp4 8 s H.264 + AAC whose audio sample description (stsd) is renamed "free": an audio
#                        track with no codec
#   rec-hlg-h264.mp4     8 s 8-bit H.264 + AAC tagged BT.2020 HLG (an HDR phone video), a keyframe every 2 s
#   rec-short.mp4        0.4 s H.264 + AAC (a sub-second file)
#   rec-speech.mp4       ~25 s 320x180 H.264 + AAC: Debian flite's voice reading six known sentences with
#                        pauses (speech recognition, issue 12); rec-speech.srt is its reference transcript
#   rec-30min-720p.mp4   only with --bench: 30 min 1280x720 30 fps H.264 + AAC for the benchmark
# The small text fixtures (tests/fixtures/clicks-*.csv/ndjson) are committed, not generated here.
#
# Usage: scripts/make-fixtures.sh [--bench] [--force]
#   --bench  also build the 30-minute recording (takes a couple of minutes, ~150 MB)
#   --force  rebuild the 30-minute recording even if a complete one already exists
# Outputs are bit-exact across runs (same ffmpeg build), so re-running is harmless.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LC_ALL=C

BENCH=0
FORCE=0
for arg in "$@"; do
  case $arg in
    --bench) BENCH=1 ;;
    --force) FORCE=1 ;;
    -h | --help) sed -n '2,33p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

OUT=tests/fixtures/generated
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
for tool in ffmpeg ffprobe; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
[[ -f $FONT ]] || { echo "missing font: $FONT (apt-get install fonts-dejavu-core)" >&2; exit 1; }
mkdir -p "$OUT"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# No encoder/version strings or creation times in the output, so identical inputs give identical bytes.
BITEXACT=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)

probe() { # one-line summary: duration, codecs, size
  local f=$1
  printf '%-22s %10s bytes  %ss  %s\n' "$(basename "$f")" "$(stat -c %s "$f")" \
    "$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$f")" \
    "$(ffprobe -v error -show_entries stream=codec_name -of csv=p=0 "$f" | paste -sd+ -)"
}

# ---------------------------------------------------------------------------------------------
# 20 s recordings. Frame number and timestamp are burnt in so e2e tests (and humans) can tell
# which frames a downloaded clip starts/ends on. The tone beeps once a second for A/V sync checks.
# Text goes through textfile= to avoid filtergraph escaping of the ':' in the expansions.
# ---------------------------------------------------------------------------------------------
printf 'frame %%{frame_num}' >"$WORK/frame.txt"
printf '%%{pts:hms}' >"$WORK/time.txt"
SRC20=(-f lavfi -i "testsrc2=s=640x360:r=30:d=20" -f lavfi -i "sine=f=440:beep_factor=4:sample_rate=48000:d=20")
VF20="drawtext=fontfile=$FONT:textfile=$WORK/frame.txt:fontsize=48:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8:x=w-tw-20:y=20,\
drawtext=fontfile=$FONT:textfile=$WORK/time.txt:fontsize=48:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8:x=20:y=h-th-28,\
format=yuv420p"

# Keyframe exactly every 30 frames (1 s): -sc_threshold 0 stops x264 adding scene-cut keyframes,
# so tests can assert where stream-copy cuts may start.
ffmpeg -hide_banner -loglevel error -y "${SRC20[@]}" -vf "$VF20" \
  -c:v libx264 -preset veryfast -crf 30 -pix_fmt yuv420p -g 30 -keyint_min 30 -sc_threshold 0 \
  -c:a aac -b:a 96k -ac 2 -t 20 "${BITEXACT[@]}" -movflags +faststart \
  "$WORK/rec-20s.mp4"
mv "$WORK/rec-20s.mp4" "$OUT/rec-20s.mp4"

# VP9 realtime / cpu-used 8 is the fastest libvpx mode; quality does not matter here.
ffmpeg -hide_banner -loglevel error -y "${SRC20[@]}" -vf "$VF20" \
  -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -row-mt 1 -crf 48 -b:v 0 -g 30 -keyint_min 30 \
  -c:a libopus -b:a 64k -ac 2 -t 20 "${BITEXACT[@]}" \
  "$WORK/rec-20s.webm"
mv "$WORK/rec-20s.webm" "$OUT/rec-20s.webm"

# Awkward sources for the render engines. rotate= writes the display matrix (ffmpeg 5.1).
for deg in 90 180 270; do
  ffmpeg -hide_banner -loglevel error -y -i "$OUT/rec-20s.mp4" -t 8 -c copy -metadata:s:v:0 rotate=$deg "${BITEXACT[@]}" \
    "$WORK/rec-rot$deg.mp4"
  mv "$WORK/rec-rot$deg.mp4" "$OUT/rec-rot$deg.mp4"
done

# Frames dropped in a varying pattern (kept when n mod 7 < 5) and kept at their own times: VFR.
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=s=858x482:r=30:d=8" \
  -vf "select='lt(mod(n\,7)\,5)',format=yuv420p" -fps_mode vfr \
  -c:v libx264 -preset veryfast -crf 30 -g 30 -an "${BITEXACT[@]}" -movflags +faststart "$WORK/rec-odd-vfr.mp4"
mv "$WORK/rec-odd-vfr.mp4" "$OUT/rec-odd-vfr.mp4"

ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=s=640x360:r=30:d=8" -f lavfi -i "sine=f=440:sample_rate=48000:d=8" \
  -vf "format=yuv420p10le" -c:v libvpx-vp9 -profile:v 2 -deadline realtime -cpu-used 8 -crf 40 -b:v 0 -g 30 \
  -color_primaries bt2020 -color_trc arib-std-b67 -colorspace bt2020nc -color_range tv \
  -c:a libopus -b:a 48k -t 8 "${BITEXACT[@]}" "$WORK/rec-hlg.webm"
mv "$WORK/rec-hlg.webm" "$OUT/rec-hlg.webm"

ffmpeg -hide_banner -loglevel error -y -i "$OUT/rec-20s.mp4" -t 8 -c:v libx265 -preset ultrafast -x265-params log-level=none -tag:v hvc1 \
  -c:a copy "${BITEXACT[@]}" -movflags +faststart "$WORK/rec-hevc.mp4"
mv "$WORK/rec-hevc.mp4" "$OUT/rec-hevc.mp4"

OBS_NAME="2026-03-14 19-00-05.mkv"
ffmpeg -hide_banner -loglevel error -y -i "$OUT/rec-20s.mp4" -c copy "${BITEXACT[@]}" "$WORK/obs.mkv"
mv "$WORK/obs.mkv" "$OUT/$OBS_NAME"

# ---------------------------------------------------------------------------------------------
# Recordings from the wild. The byte patches are perl (always on Debian), each in a function.
# ---------------------------------------------------------------------------------------------
unknown_cluster_sizes() { # marks every top-level Cluster of a Matroska file as of unknown size
  perl - "$1" <<'PERL'
use strict; use warnings;
my $file = shift; open(my $fh, "+<:raw", $file) or die "$file: $!"; local $/; my $b = <$fh>;
sub vint { # (value, length) of the EBML number at $p; $keep keeps the marker bit (element IDs)
  my ($p, $keep) = @_; my $first = ord substr($b, $p, 1); my $len = 1;
  $len++ while $len <= 8 && !($first & (0x80 >> ($len - 1)));
  my $v = $keep ? $first : $first & (0xff >> $len);
  $v = $v * 256 + ord substr($b, $p + $_, 1) for 1 .. $len - 1;
  return ($v, $len);
}
my ($id, $il) = vint(0, 1); my ($size, $sl) = vint($il, 0);
my $p = $il + $sl + $size;                           # past the EBML header
($id, $il) = vint($p, 1); ($size, $sl) = vint($p + $il, 0);
$p += $il + $sl;                                     # into the Segment
my $n = 0;
while ($p < length $b) {
  ($id, $il) = vint($p, 1); ($size, $sl) = vint($p + $il, 0);
  if ($id == 0x1F43B675) { seek($fh, $p + $il, 0); print $fh chr(0xff >> ($sl - 1)) . ("\xff" x ($sl - 1)); $n++; }
  $p += $il + $sl + $size;
}
die "no clusters in $file\n" unless $n;
PERL
}

strip_audio_stsd() { # renames the sound track's sample description box to "free": the track stays, its codec goes
  perl - "$1" <<'PERL'
use strict; use warnings;
my $file = shift; open(my $fh, "+<:raw", $file) or die "$file: $!"; local $/; my $b = <$fh>;
my %container = map { $_ => 1 } qw(moov trak mdia minf stbl);
my ($handler, $stsd, @patch);
sub walk {
  my ($p, $end) = @_;
  while ($p + 8 <= $end) {
    my ($size, $type) = unpack("N a4", substr($b, $p, 8));
    last if $size < 8;
    if ($type eq "trak") { ($handler, $stsd) = ("", -1); walk($p + 8, $p + $size); push @patch, $stsd if $handler eq "soun" && $stsd >= 0; }
    elsif ($container{$type}) { walk($p + 8, $p + $size); }
    elsif ($type eq "hdlr") { $handler = substr($b, $p + 16, 4); }
    elsif ($type eq "stsd") { $stsd = $p; }
    $p += $size;
  }
}
walk(0, length $b);
die "no sound track in $file\n" unless @patch;
for my $at (@patch) { seek($fh, $at + 4, 0); print $fh "free"; }
PERL
}

# -live 1: no duration, no cues, as a writer that cannot seek back leaves them.
ffmpeg -hide_banner -loglevel error -y -i "$OUT/rec-20s.mp4" -t 12 -c copy "${BITEXACT[@]}" -live 1 -f matroska "$WORK/rec-live.mkv"
unknown_cluster_sizes "$WORK/rec-live.mkv"
mv "$WORK/rec-live.mkv" "$OUT/rec-live.mkv"

ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=s=320x180:r=30:d=35" -f lavfi -i "sine=f=440:beep_factor=4:sample_rate=48000:d=35" \
  -c:v libx264 -preset veryfast -crf 30 -pix_fmt yuv420p -g 30 -keyint_min 30 -sc_threshold 0 \
  -c:a aac -b:a 96k -ac 2 "${BITEXACT[@]}" -movflags +faststart "$WORK/full35.mp4"
# Cut 100 bytes into the first video packet at or after 6 s (file order), so the last packet is partial.
cut_at=$(ffprobe -v error -select_streams v:0 -show_entries packet=pts_time,pos -of csv=p=0 "$WORK/full35.mp4" |
  awk -F, '$1 >= 6 && !done { print $2 + 100; done = 1 }')  # read to the end: an early exit would SIGPIPE ffprobe
head -c "$cut_at" "$WORK/full35.mp4" >"$OUT/rec-cut.mp4"
# The same bytes with the mdat's 32-bit size set to 0 (ISO BMFF: the box runs to the end of the file).
cp "$OUT/rec-cut.mp4" "$WORK/rec-cut-open.mp4"
perl -e 'open(my $fh, "+<:raw", $ARGV[0]) or die; local $/; my $b = <$fh>; my $p = 0;
  while ($p + 8 <= length $b) { my ($size, $type) = unpack("N a4", substr($b, $p, 8));
    if ($type eq "mdat") { seek($fh, $p, 0); print $fh pack("N", 0); exit 0 } die "bad box" if $size < 8; $p += $size }
  die "no mdat\n"' "$WORK/rec-cut-open.mp4"
mv "$WORK/rec-cut-open.mp4" "$OUT/rec-cut-open.mp4"

ffmpeg -hide_banner -loglevel error -y -f lavfi -i "color=c=0x808080:s=1280x720:r=30:d=20" -loop 1 -i tests/fixtures/astronaut.jpg \
  -f lavfi -i "sine=f=330:sample_rate=48000:d=20" \
  -filter_complex "[0:v][1:v]overlay=x='if(lt(t,10),60+90*t,60+90*(20-t))':y=232:shortest=1,format=yuv420p[v]" -map '[v]' -map 2:a \
  -c:v libx264 -preset veryfast -crf 23 -g 30 -c:a aac -b:a 96k -ac 2 -t 20 "${BITEXACT[@]}" -movflags +faststart "$WORK/rec-face-walk.mp4"
mv "$WORK/rec-face-walk.mp4" "$OUT/rec-face-walk.mp4"

# Two hosts, still: apart (too far for one 9:16 window: the larger is framed) and side by side (framed together).
two_faces() { # name, x of the first photo, its size, x of the second (256 px), and the sound (a lavfi source); tops centre both at y = 360
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "color=c=0x808080:s=1280x720:r=30:d=20" -loop 1 -i tests/fixtures/astronaut.jpg \
    -f lavfi -i "$5" \
    -filter_complex "[1:v]split[a][b];[a]scale=$3:$3[a1];[0:v][a1]overlay=x=$2:y=360-$3/2[v1];[v1][b]overlay=x=$4:y=232:shortest=1,format=yuv420p[v]" -map '[v]' -map 2:a \
    -c:v libx264 -preset veryfast -crf 23 -g 30 -c:a aac -b:a 96k -ac 2 -t 20 "${BITEXACT[@]}" -movflags +faststart "$WORK/$1"
  mv "$WORK/$1" "$OUT/$1"
}
two_faces rec-two-apart.mp4 20 384 960 "sine=f=330:sample_rate=48000:d=20"
two_faces rec-two-together.mp4 640 256 860 "sine=f=330:sample_rate=48000:d=20"
# Two hosts on two microphones, mixed to stereo as they sit (issue 23: frame the one speaking): a
# voice-like tone (220 Hz, syllables at 4 Hz) from the right one until 5.5 s and from 10.5 s to
# 15.5 s, from the left one between, each mic catching the other at -20 dB.
TALK_R='(lt(t,5.5)+gte(t,10.5)*lt(t,15.5))'
TALK_V='0.4*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*4*t))'
two_faces rec-two-talking.mp4 20 384 960 "aevalsrc='$TALK_V*(1-0.9*$TALK_R)|$TALK_V*(0.1+0.9*$TALK_R)':s=48000:d=20"

ffmpeg -hide_banner -loglevel error -y -i "$OUT/rec-20s.mp4" -t 8 -c copy "${BITEXACT[@]}" -movflags +faststart "$WORK/nostsd.mp4"
strip_audio_stsd "$WORK/nostsd.mp4"
mv "$WORK/nostsd.mp4" "$OUT/rec-audio-nostsd.mp4"

ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=s=640x360:r=30:d=8" -f lavfi -i "sine=f=440:sample_rate=48000:d=8" \
  -vf format=yuv420p -c:v libx264 -preset veryfast -crf 30 -g 60 -keyint_min 60 -sc_threshold 0 \
  -color_primaries bt2020 -color_trc arib-std-b67 -colorspace bt2020nc -color_range tv \
  -c:a aac -b:a 96k -ac 2 "${BITEXACT[@]}" -movflags +faststart "$WORK/rec-hlg-h264.mp4"
mv "$WORK/rec-hlg-h264.mp4" "$OUT/rec-hlg-h264.mp4"

ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=s=640x360:r=30:d=0.4" -f lavfi -i "sine=f=440:sample_rate=48000:d=0.4" \
  -vf format=yuv420p -c:v libx264 -preset veryfast -crf 30 -c:a aac -b:a 96k -ac 2 -t 0.4 "${BITEXACT[@]}" -movflags +faststart "$WORK/rec-short.mp4"
mv "$WORK/rec-short.mp4" "$OUT/rec-short.mp4"

for f in rec-20s.mp4 rec-20s.webm rec-rot90.mp4 rec-rot180.mp4 rec-rot270.mp4 rec-odd-vfr.mp4 rec-hlg.webm rec-hevc.mp4 "$OBS_NAME" \
  rec-live.mkv rec-cut.mp4 rec-cut-open.mp4 rec-audio-nostsd.mp4 rec-hlg-h264.mp4 rec-short.mp4; do probe "$OUT/$f"; done
# The wild ones must stay wild: no duration in the live file, the cut file still claiming 35 s, no audio codec.
[[ $(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/rec-live.mkv") == N/A ]] || { echo "rec-live.mkv has a duration" >&2; exit 1; }
for f in rec-cut.mp4 rec-cut-open.mp4; do
  [[ $(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/$f") == 35.* ]] || { echo "$f lost its 35 s header" >&2; exit 1; }
done
[[ $(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of csv=p=0 "$OUT/rec-audio-nostsd.mp4") == unknown ]] || { echo "rec-audio-nostsd.mp4 still has an audio codec" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# A second voice for speech recognition (issue 12): Debian's flite (kal16: its default voice at
# 16 kHz) speaking known sentences with pauses between them, under a plain picture. rec-speech.srt is the reference: each sentence
# timed where it was placed. Needs flite (apt-get install flite); skipped with a note without it.
# ---------------------------------------------------------------------------------------------
SPEECH_SENTENCES=(
  "Hello and welcome to the evening show."
  "Today we have a new water bottle for you."
  "It keeps your drink cold for the whole day."
  "The lid is easy to open with one hand."
  "Tap the pinned item below to add it to your cart."
  "Thank you all for watching, and see you next time."
)
if command -v flite >/dev/null; then
  : >"$WORK/speech.txt"
  : >"$OUT/rec-speech.srt"
  t=1.0
  srt_time() { awk -v t="$1" 'BEGIN { ms = int(t * 1000 + 0.5); printf "%02d:%02d:%02d,%03d", ms / 3600000, (ms / 60000) % 60, (ms / 1000) % 60, ms % 1000 }'; }
  for i in "${!SPEECH_SENTENCES[@]}"; do
    flite -voice kal16 -t "${SPEECH_SENTENCES[$i]}" -o "$WORK/s$i.wav"
    d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/s$i.wav")
    printf "file '%s'\nfile '%s'\n" "$WORK/s$i.wav" "$WORK/pause.wav" >>"$WORK/speech.txt"
    printf '%d\n%s --> %s\n%s\n\n' $((i + 1)) "$(srt_time "$t")" "$(srt_time "$(awk -v a="$t" -v b="$d" 'BEGIN { print a + b }')")" "${SPEECH_SENTENCES[$i]}" >>"$OUT/rec-speech.srt"
    t=$(awk -v a="$t" -v b="$d" 'BEGIN { print a + b + 1.2 }')
  done
  # 1 s of silence first, 1.2 s after each sentence; flite writes 16 kHz mono.
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "anullsrc=r=16000:cl=mono" -t 1.2 "$WORK/pause.wav"
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "anullsrc=r=16000:cl=mono" -t 1.0 "$WORK/lead.wav"
  ffmpeg -hide_banner -loglevel error -y -i "$WORK/lead.wav" -f concat -safe 0 -i "$WORK/speech.txt" -filter_complex "[0:a][1:a]concat=n=2:v=0:a=1" "$WORK/speech.wav"
  speech_sec=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/speech.wav")
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=s=320x180:r=30:d=$speech_sec" -i "$WORK/speech.wav" \
    -c:v libx264 -preset veryfast -crf 32 -pix_fmt yuv420p -g 30 -c:a aac -b:a 64k -ar 48000 -ac 2 -shortest "${BITEXACT[@]}" -movflags +faststart "$WORK/rec-speech.mp4"
  mv "$WORK/rec-speech.mp4" "$OUT/rec-speech.mp4"
  probe "$OUT/rec-speech.mp4"
else
  echo "flite not found: rec-speech.mp4 (speech recognition e2e) not made; apt-get install flite" >&2
fi

# ---------------------------------------------------------------------------------------------
# 30-minute benchmark recording (opt-in: ~150 MB, a couple of minutes on 2 cores).
# ultrafast + capped ABR keeps both the encode time and the size down; testsrc2 is very busy
# content, so CRF mode at this speed would give ~600 MB.
# ---------------------------------------------------------------------------------------------
if [[ $BENCH -eq 1 ]]; then
  BENCH_FILE=$OUT/rec-30min-720p.mp4
  have=0
  if [[ -f $BENCH_FILE && $FORCE -eq 0 ]]; then
    d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$BENCH_FILE" 2>/dev/null || true)
    # reuse a complete file from an earlier run instead of spending minutes re-encoding it
    awk -v d="${d:-0}" 'BEGIN { exit !(d >= 1799.5) }' && have=1
  fi
  if [[ $have -eq 1 ]]; then
    echo "keeping existing $BENCH_FILE (use --force to rebuild)"
  else
    start=$(date +%s)
    ffmpeg -hide_banner -loglevel error -y \
      -f lavfi -i "testsrc2=s=1280x720:r=30:d=1800" -f lavfi -i "sine=f=440:beep_factor=4:sample_rate=48000:d=1800" \
      -c:v libx264 -preset ultrafast -b:v 600k -maxrate 800k -bufsize 1600k -pix_fmt yuv420p \
      -g 60 -keyint_min 60 -sc_threshold 0 \
      -c:a aac -b:a 64k -ac 2 -t 1800 "${BITEXACT[@]}" -movflags +faststart \
      "$WORK/rec-30min-720p.mp4"
    mv "$WORK/rec-30min-720p.mp4" "$BENCH_FILE"
    echo "built $BENCH_FILE in $(( $(date +%s) - start )) s"
  fi
  probe "$BENCH_FILE"
fi
