#!/usr/bin/env bash
# Synthesises the royalty-free background music for "Auto-edit" (no samples, nothing downloaded):
#   public/music/beat-loop.m4a   16 s seamless loop, 120 BPM (8 bars of 4/4), A minor: Am-F-C-G,
#                                AAC-LC 128 kb/s stereo 48 kHz, +faststart
#   public/music/index.json      the track list the app reads
# Layers: four-on-the-floor kick, snare on 2 and 4, closed/open hi-hats on 8ths, octave-jumping
# 8th-note bass, a detuned chord pad that ducks with the kick, a 16th-note arpeggio in bars 5-8.
#
# Test marker: a steady 3000 Hz sine at -24 dBFS RMS (peak -21 dBFS) runs through the whole track,
# and everything else is band-rejected between 2750 and 3250 Hz, so a narrow band-pass at 3 kHz
#   ffmpeg -i X -af bandpass=f=3000:width_type=h:w=60,astats -f null -
# tells "music present" from speech or test tones. Keep MARKER_HZ and index.json's markerHz in sync.
#
# Seamless: every layer is periodic in 16 s (at 48 kHz a 16 s loop is 768000 samples = 750 AAC
# frames, and 3000 Hz is exactly 48000 cycles), and three loops are rendered and the middle one kept,
# so filter and envelope tails from the previous bar are in the first samples as when looping.
# Deterministic: fixed noise seeds, sox -D -R (no dither, fixed seeds), bit-exact ffmpeg flags;
# re-running with the same ffmpeg/sox builds gives identical bytes.
# Needs: ffmpeg, ffprobe, sox.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LC_ALL=C

OUT_DIR=public/music
RATE=48000
LOOP_S=16                      # 8 bars at 120 BPM
LOOP_SAMPLES=$((RATE * LOOP_S))
MARKER_HZ=3000
MARKER_AMP=0.0891              # sqrt(2)*10^(-24/20): -24 dBFS RMS (peak -21 dBFS)
GAIN_DB=-1                     # overall trim, tuned so the loop sits at about -14 dBFS RMS
LIMIT=0.631                    # -4 dBFS lookahead limiter on the drum hits (kick+snare+hat+bass peaks)

for tool in ffmpeg ffprobe sox; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT_DIR"

# ---------------------------------------------------------------------------------------------
# Expression building blocks (ffmpeg eval syntax). Registers: 0 = loop time, 1 = chord index
# 0..3 (one chord per 2 bars = 4 s). sel(a,b,c,d) picks the value for the current chord.
# ---------------------------------------------------------------------------------------------
CHORD="st(0,mod(t,$LOOP_S));st(1,floor(ld(0)/4))"
sel() { echo "($1*eq(ld(1),0)+$2*eq(ld(1),1)+$3*eq(ld(1),2)+$4*eq(ld(1),3))"; }
ROOT=$(sel 110 87.3071 130.8128 97.9989)             # A2 F2 C3 G2
N1=$(sel 220 174.6141 261.6256 195.9977)             # Am: A3 C4 E4 / F: F3 A3 C4
N2=$(sel 261.6256 220 329.6276 246.9417)             # C: C4 E4 G4 / G: G3 B3 D4
N3=$(sel 329.6276 261.6256 391.9954 293.6648)

# Kick: 160->45 Hz pitch drop, decays within the beat (window closes it before the next one).
KICK="st(0,mod(t,0.5));0.55*sin(2*PI*(45*ld(0)+115*(1-exp(-28*ld(0)))/28))*exp(-7*ld(0))*min(1,(0.5-ld(0))*40)"
# Envelopes for the noise instruments: closed hat on the beat, open hat on the "and".
HATENV="st(0,mod(t,0.5));if(lt(ld(0),0.25),0.17*exp(-70*ld(0)),0.28*exp(-15*(ld(0)-0.25))*min(1,(0.5-ld(0))*40))"
SNAREENV="st(0,mod(t,1)-0.5);if(gte(ld(0),0),0.3*exp(-15*ld(0))*min(1,(0.5-ld(0))*40),0)"
SNAREBODY="st(0,mod(t,1)-0.5);if(gte(ld(0),0),0.16*sin(2*PI*185*ld(0))*exp(-22*ld(0)),0)"
# Bass: 8th notes, root on the beat and an octave up on the "and"; 3 harmonics, plucky decay.
BASS="$CHORD;st(2,$ROOT);st(3,mod(t,0.25));st(4,if(lt(mod(t,0.5),0.25),1,2)*ld(2));st(5,2*PI*ld(4)*ld(3));\
0.28*if(lt(mod(t,0.5),0.25),0.6,1)*(sin(ld(5))+0.35*sin(2*ld(5))+0.12*sin(3*ld(5)))*min(1,ld(3)/0.004)*min(1,(0.25-ld(3))/0.015)*(0.5+0.5*exp(-7*ld(3)))"
# Pad: the triad, each note a sine + soft octave, detuned +-0.4 % between L and R for width,
# 0.3 s fade in/out per chord, ducked by the kick (smooth 6 ms dip, then recovers).
pad() { # $1 = detune factor
  local d=$1
  echo "$CHORD;st(5,mod(ld(0),4));st(6,mod(t,0.5));\
st(7,min(1,ld(5)/0.3)*min(1,(4-ld(5))/0.3)*(1-0.5*min(1,ld(6)/0.006)*exp(-8*ld(6))));\
0.088*ld(7)*(sin(2*PI*$N1*$d*t)+0.25*sin(4*PI*$N1*$d*t)+sin(2*PI*$N2*$d*t)+0.25*sin(4*PI*$N2*$d*t)+sin(2*PI*$N3*$d*t)+0.25*sin(4*PI*$N3*$d*t))"
}
# Arpeggio: 16ths over the chord an octave up (1-2-3-2), bars 5-8 only.
ARP="$CHORD;st(6,floor(mod(t,0.5)/0.125));st(7,mod(t,0.125));\
st(8,2*(eq(ld(6),0)*$N1+eq(ld(6),1)*$N2+eq(ld(6),2)*$N3+eq(ld(6),3)*$N2));\
gte(ld(0),8)*0.13*(sin(2*PI*ld(8)*ld(7))+0.2*sin(4*PI*ld(8)*ld(7)))*min(1,ld(7)/0.003)*exp(-20*ld(7))*min(1,(0.125-ld(7))/0.01)"

TOTAL_S=$((3 * LOOP_S))
SRC="s=$RATE:d=$TOTAL_S"
cat >"$WORK/layers.txt" <<EOF
aevalsrc=exprs='$KICK':c=mono:$SRC,pan=stereo|c0=c0|c1=c0[kick];
anoisesrc=c=white:seed=42:a=1:r=$RATE:d=$TOTAL_S,highpass=f=7000:p=2,highpass=f=7000:p=2[hatn];
aevalsrc=exprs='$HATENV':c=mono:$SRC[hate];
[hatn][hate]amultiply,pan=stereo|c0=0.75*c0|c1=1.0*c0[hats];
anoisesrc=c=white:seed=7:a=1:r=$RATE:d=$TOTAL_S,highpass=f=1200:p=2,lowpass=f=7000:p=2[snn];
aevalsrc=exprs='$SNAREENV':c=mono:$SRC[sne];
[snn][sne]amultiply[snnoise];
aevalsrc=exprs='$SNAREBODY':c=mono:$SRC[snbody];
[snnoise][snbody]amix=inputs=2:normalize=0,pan=stereo|c0=c0|c1=c0[snare];
aevalsrc=exprs='$BASS':c=mono:$SRC,lowpass=f=900:p=2,pan=stereo|c0=c0|c1=c0[bass];
aevalsrc=exprs='$(pad 1.004)|$(pad 0.996)':c=stereo:$SRC[pad];
aevalsrc=exprs='$ARP':c=mono:$SRC,pan=stereo|c0=0.8*c0|c1=0.6*c0[arp];
[kick][hats][snare][bass][pad][arp]amix=inputs=6:normalize=0,volume=${GAIN_DB}dB,\
alimiter=limit=$LIMIT:attack=3:release=40:level=0:latency=1[mix]
EOF

# 1) All instruments, three loops long, 32-bit float so nothing clips on the way.
ffmpeg -hide_banner -loglevel error -y -filter_complex_script "$WORK/layers.txt" -map '[mix]' \
  -c:a pcm_f32le -fflags +bitexact -map_metadata -1 "$WORK/mix.wav"

# 2) Clear the marker band out of the music: steep linear-phase FIR band-reject 2750-3250 Hz
#    (sox compensates the filter delay, so the beat grid stays on sample 0).
sox -V1 -D -R "$WORK/mix.wav" -e floating-point -b 32 "$WORK/notched.wav" sinc -a 120 -t 100 3250-2750

# 3) Add the marker, keep the middle loop, encode.
MARKER="$MARKER_AMP*sin(2*PI*$MARKER_HZ*t)"
ffmpeg -hide_banner -loglevel error -y -i "$WORK/notched.wav" \
  -filter_complex "[0:a]anull[m];aevalsrc=exprs='$MARKER|$MARKER':c=stereo:$SRC[mk];\
[m][mk]amix=inputs=2:normalize=0,atrim=start_sample=$LOOP_SAMPLES:end_sample=$((2 * LOOP_SAMPLES)),asetpts=PTS-STARTPTS[out]" \
  -map '[out]' -c:a pcm_f32le -fflags +bitexact -map_metadata -1 "$WORK/loop.wav"

ffmpeg -hide_banner -loglevel error -y -i "$WORK/loop.wav" \
  -c:a aac -profile:a aac_low -b:a 128k -ar $RATE -ac 2 \
  -map_metadata -1 -fflags +bitexact -flags:a +bitexact -movflags +faststart \
  "$WORK/beat-loop.m4a"

# ---------------------------------------------------------------------------------------------
# Checks: length, levels, marker band. Fails (and writes nothing) if the track is off spec.
# ---------------------------------------------------------------------------------------------
samples=$(ffmpeg -hide_banner -i "$WORK/beat-loop.m4a" -af astats=metadata=0:measure_perchannel=none \
  -f null - 2>&1 | awk '/Number of samples/ { n = $NF } END { print n }')
levels() { # $1 file, $2 extra filter -> "rms peak" in dBFS over all channels
  ffmpeg -hide_banner -i "$1" -af "${2:+$2,}astats=measure_perchannel=none" -f null - 2>&1 |
    awk '/RMS level dB/ { r = $NF } /Peak level dB/ { p = $NF } END { print r, p }'
}
read -r rms peak < <(levels "$WORK/beat-loop.m4a")
read -r band _ < <(levels "$WORK/beat-loop.m4a" "bandpass=f=$MARKER_HZ:width_type=h:w=60")
read -r noband _ < <(levels "$WORK/mix.wav" "bandpass=f=$MARKER_HZ:width_type=h:w=60")
read -r notched _ < <(levels "$WORK/notched.wav" "bandpass=f=$MARKER_HZ:width_type=h:w=60")
size=$(stat -c %s "$WORK/beat-loop.m4a")
printf 'beat-loop.m4a  %d bytes  %d samples (%s s)\n' "$size" "$samples" \
  "$(awk -v n="$samples" -v r=$RATE 'BEGIN { printf "%.6f", n / r }')"
printf '  overall RMS %s dBFS, peak %s dBFS\n' "$rms" "$peak"
printf '  %d Hz band (bandpass w=60): %s dBFS RMS with marker; music alone %s before / %s after notch\n' \
  "$MARKER_HZ" "$band" "$noband" "$notched"
ok=$(awk -v n="$samples" -v want=$LOOP_SAMPLES -v r="$rms" -v p="$peak" -v s="$size" -v b="$band" -v m="$notched" 'BEGIN {
  ok = 1
  if (n != want) { print "  length is not exactly " want " samples" > "/dev/stderr"; ok = 0 }
  if (r < -16 || r > -12) { print "  RMS outside -16..-12 dBFS" > "/dev/stderr"; ok = 0 }
  if (p >= -1) { print "  peak not below -1 dBFS" > "/dev/stderr"; ok = 0 }
  if (s > 400 * 1024) { print "  file over 400 KiB" > "/dev/stderr"; ok = 0 }
  if (b < -26 || b > -22) { print "  marker band not at about -24 dBFS" > "/dev/stderr"; ok = 0 }
  if (m > b - 30) { print "  music leaks into the marker band" > "/dev/stderr"; ok = 0 }
  print ok }')
[[ $ok -eq 1 ]] || exit 1

mv "$WORK/beat-loop.m4a" "$OUT_DIR/beat-loop.m4a"
cat >"$OUT_DIR/index.json" <<EOF
[
  { "id": "beat-loop", "label": "Upbeat loop (120 BPM)", "file": "beat-loop.m4a", "durationSec": $LOOP_S, "markerHz": $MARKER_HZ }
]
EOF
echo "wrote $OUT_DIR/beat-loop.m4a and $OUT_DIR/index.json"
