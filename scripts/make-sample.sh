#!/usr/bin/env bash
# Builds the bundled "Try the sample" demo:
#   public/samples/sample.mp4         ~3 min shop-style livestream (1280x720, 30 fps, H.264 + AAC)
#   public/samples/sample-clicks.csv  product click log matching the video
#   public/samples/sample.srt         transcript of the synthetic host voice
# Everything is synthesised locally (ffmpeg lavfi + drawtext, espeak-ng, sox), no media is downloaded.
# Deterministic: same tools -> same timings and same click log; safe to re-run (it overwrites).
# Needs: ffmpeg, ffprobe, espeak-ng, sox/soxi, coreutils, awk.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LC_ALL=C # stable sort order and '.' decimal separator in printf/awk

OUT_DIR=public/samples
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
RATE=22050          # espeak-ng native sample rate; all timing is done in samples at this rate
VOICE=en-us+f3      # a female variant reads more like a shopping host than the default voice
SPEED=158           # words per minute, a bit slower than default so it sounds like a pitch
SEED=20240611       # seed for the click-log generator

for tool in ffmpeg ffprobe espeak-ng sox soxi awk; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
[[ -f $FONT ]] || { echo "missing font: $FONT (apt-get install fonts-dejavu-core)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT_DIR"

# ---------------------------------------------------------------------------------------------
# Script of the show. One scene per "scene|..." line, followed by the sentences the host says.
#   scene|kind|product_id|name|price|background|click_weight|min_seconds
# kind is intro/product/outro; click_weight = size of the click burst, chosen so products end up
# with clearly different totals (Mini Blender >> Glow Serum > Silk Scarf > Bamboo Hoodie > Trail Bottle).
# min_seconds: the scene is padded with silence (host "reading the chat") up to this length, so
# segments have different lengths (30-38 s).
# Prices in sentences are written "$24.99" for the transcript and spelled out for the voice.
# ---------------------------------------------------------------------------------------------
SHOW=$(cat <<'EOF'
scene|intro||Spring Drop LIVE||0x1d2340|0|0
say|Hi everyone, welcome back to the Spring Drop live!
say|We have five amazing deals for you today, so stay with me.
scene|product|P-1001|Glow Serum|24.99|0x8e3b6b|55|35
say|Okay, first up is our best seller, the Glow Serum.
say|It is a light vitamin C serum that makes your skin look fresh in the morning.
say|Normally it is forty dollars, but today it is only $24.99.
say|Tap the pinned item below to add it to your cart.
say|Wow, the orders are coming in really fast, thank you so much!
scene|product|P-1002|Bamboo Hoodie|39.00|0x2f6b3a|22|31
say|Next we have the Bamboo Hoodie.
say|It is super soft, breathable, and made from bamboo fabric.
say|We have sizes small to extra large, in three colours.
say|The live price is $39.00, with free shipping.
say|Let me know in the chat which colour you like best.
scene|product|P-1003|Trail Bottle|18.50|0x1f5f8b|10|30
say|Here is the Trail Bottle, perfect for hiking.
say|It keeps your water cold for twenty four hours.
say|It is leak proof and fits in any backpack.
say|You can grab it right now for $18.50.
scene|product|P-1004|Silk Scarf|29.00|0x9a5b12|34|33
say|Now, my personal favourite, the Silk Scarf.
say|It is one hundred percent mulberry silk with a hand rolled edge.
say|It makes a beautiful gift for someone you love.
say|Today only, the Silk Scarf is $29.00.
say|We only have a few left, so be quick!
scene|product|P-1005|Mini Blender|49.99|0x5a2d82|80|38
say|And finally, the deal you have all been waiting for, the Mini Blender.
say|It makes smoothies in thirty seconds and charges with USB.
say|The regular price is eighty dollars.
say|But for this live only, it is $49.99!
say|Go go go, tap the pinned item before it sells out!
scene|outro||Thanks for shopping!||0x1d2340|0|0
say|That is all for today, thank you so much for watching, see you next week!
EOF
)

# Pauses between sentences (ms, cycled) so the speech has natural gaps of different lengths.
GAPS_MS=(1400 2200 1000 3000 1600 1200 2600)
LEAD_MS=1500   # silence at the start of each scene before the host speaks
TAIL_MS=2000   # silence after the last sentence of a scene

ms_to_samples() { echo $(( $1 * RATE / 1000 )); }
samples_to_ms() { echo $(( $1 * 1000 / RATE )); }
# Round a sample count up to a whole 0.1 s so scene boundaries land exactly on 30 fps frames and
# match the 1-decimal times of the click log.
round_up_tenth() { local step=$((RATE / 10)); echo $(( ($1 + step - 1) / step * step )); }
# sox -D: no dither. sox dithers with random noise by default, which made re-runs differ byte-wise
# and put faint noise into the "silent" pauses.
# The rate goes before -n too: the null input defaults to 48 kHz and trim counts input samples.
silence() { sox -D -r "$RATE" -c 1 -n -r "$RATE" -c 1 -b 16 "$2" trim 0 "${1}s"; } # $1 samples, $2 file
# "$24.99" -> "24 dollars 99", "$39.00" -> "39 dollars": espeak would read "$24.99" as
# "dollar twenty four point nine nine".
spoken() { sed -E 's/\$([0-9]+)\.00/\1 dollars/g; s/\$([0-9]+)\.([0-9]{2})/\1 dollars \2/g' <<<"$1"; }
srt_time() { # ms -> HH:MM:SS,mmm
  local ms=$1
  printf '%02d:%02d:%02d,%03d' $((ms / 3600000)) $((ms / 60000 % 60)) $((ms / 1000 % 60)) $((ms % 1000))
}

# ---------------------------------------------------------------------------------------------
# 1) Voice: synthesise each sentence, lay them out with silences, collect timings.
# ---------------------------------------------------------------------------------------------
pos=0            # current position in samples
scene_idx=-1
sent_idx=0
gap_idx=0
parts=()         # wav files to concatenate, in order
: >"$WORK/scenes.txt"   # '|'-separated (tabs would collapse empty fields in read): idx kind id name price color weight start_ms end_ms pitch_ms
: >"$WORK/cues.tsv"     # start_ms end_ms text

close_scene() { # pad the current scene to its final length and record it
  [[ $scene_idx -ge 0 ]] || return 0
  local end=$(( pos + $(ms_to_samples $TAIL_MS) ))
  local min_end=$(( scene_start + $(ms_to_samples $((scene_min_s * 1000))) ))
  (( end < min_end )) && end=$min_end
  end=$(round_up_tenth "$end")
  silence $((end - pos)) "$WORK/pad_$scene_idx.wav"
  parts+=("$WORK/pad_$scene_idx.wav")
  pos=$end
  printf '%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n' "$scene_idx" "$scene_kind" "$scene_id" \
    "$scene_name" "$scene_price" "$scene_color" "$scene_weight" \
    "$(samples_to_ms "$scene_start")" "$(samples_to_ms "$end")" "$scene_pitch_ms" >>"$WORK/scenes.txt"
}

while IFS='|' read -r tag a b c d e f g; do
  case $tag in
    scene)
      close_scene
      scene_idx=$((scene_idx + 1))
      scene_kind=$a scene_id=$b scene_name=$c scene_price=$d scene_color=$e scene_weight=$f scene_min_s=$g
      scene_start=$pos
      scene_pitch_ms=
      lead=$(ms_to_samples $LEAD_MS)
      silence "$lead" "$WORK/lead_$scene_idx.wav"
      parts+=("$WORK/lead_$scene_idx.wav")
      pos=$((pos + lead))
      first_in_scene=1
      ;;
    say)
      text=$a
      if [[ $first_in_scene -eq 0 ]]; then # pause between sentences
        gap=$(ms_to_samples "${GAPS_MS[gap_idx % ${#GAPS_MS[@]}]}")
        gap_idx=$((gap_idx + 1))
        silence "$gap" "$WORK/gap_$sent_idx.wav"
        parts+=("$WORK/gap_$sent_idx.wav")
        pos=$((pos + gap))
      fi
      first_in_scene=0
      raw="$WORK/raw_$sent_idx.wav"
      wav="$WORK/say_$sent_idx.wav"
      espeak-ng -v "$VOICE" -s "$SPEED" -w "$raw" "$(spoken "$text")"
      # Trim espeak's own leading/trailing silence so cue times match audible speech.
      sox -D "$raw" "$wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
      len=$(soxi -s "$wav")
      start_ms=$(samples_to_ms "$pos")
      [[ -z $scene_pitch_ms ]] && scene_pitch_ms=$start_ms
      printf '%s\t%s\t%s\n' "$start_ms" "$(samples_to_ms $((pos + len)))" "$text" >>"$WORK/cues.tsv"
      parts+=("$wav")
      pos=$((pos + len))
      sent_idx=$((sent_idx + 1))
      ;;
  esac
done <<<"$SHOW"
close_scene

TOTAL_MS=$(samples_to_ms "$pos")
TOTAL_S=$(awk -v ms="$TOTAL_MS" 'BEGIN { printf "%.1f", ms / 1000 }')
sox -D "${parts[@]}" "$WORK/voice.wav"
# Cue and segment times were computed from sample counts; make sure the real audio agrees.
[[ $(soxi -s "$WORK/voice.wav") -eq $pos ]] || { echo "voice track length mismatch" >&2; exit 1; }
N_PRODUCTS=$(awk -F'|' '$2 == "product"' "$WORK/scenes.txt" | wc -l)

# ---------------------------------------------------------------------------------------------
# 2) Transcript (SRT): one cue per sentence.
# ---------------------------------------------------------------------------------------------
{
  n=0
  while IFS=$'\t' read -r s e text; do
    n=$((n + 1))
    printf '%d\n%s --> %s\n%s\n\n' "$n" "$(srt_time "$s")" "$(srt_time "$e")" "$text"
  done <"$WORK/cues.tsv"
} >"$WORK/sample.srt"

# ---------------------------------------------------------------------------------------------
# 3) Click log. pin/unpin bracket each product segment; a burst of clicks starts a few seconds
#    after the pitch begins, add_to_cart/order follow a little later, plus a trickle inside the
#    segment and background clicks on other products across the whole stream.
#    Uses its own Park-Miller generator instead of awk's rand(): mawk and gawk differ, this doesn't.
# ---------------------------------------------------------------------------------------------
awk -F'|' -v seed="$SEED" -v total="$TOTAL_S" '
  function rnd() { state = (state * 16807) % 2147483647; return state / 2147483647 }
  function csvq(s) { if (s ~ /[",]/) { gsub(/"/, "\"\"", s); s = "\"" s "\"" } return s }
  function emit(t, ev, i) {
    printf "%.1f,%s,%s,%s,%s\n", t, ev, id[i], csvq(name[i]), price[i]
  }
  # a time around centre c, spread ~ +-w (triangular), clamped inside [a, b]
  function around(c, w, a, b,   t) { t = c + (rnd() + rnd() - 1) * w; return t < a ? a : (t > b ? b : t) }
  $2 == "product" {
    n++; id[n] = $3; name[n] = $4; price[n] = $5; weight[n] = $7
    s[n] = $8 / 1000; e[n] = $9 / 1000; pitch[n] = $10 / 1000
  }
  END {
    state = seed % 2147483647
    for (i = 1; i <= n; i++) {
      a = s[i] + 0.2; b = e[i] - 0.2          # keep events strictly inside the segment
      emit(s[i], "pin", i)
      burst = pitch[i] + 7                    # viewers react a few seconds into the pitch
      for (k = 0; k < weight[i]; k++) emit(around(burst, 6, a, b), "click", i)
      carts = int(weight[i] * 0.18 + 0.5)
      for (k = 0; k < carts; k++) emit(around(burst + 4, 5, a, b), "add_to_cart", i)
      orders = int(carts * 0.45 + 0.5)
      for (k = 0; k < orders; k++) emit(around(burst + 8, 5, a, b), "order", i)
      trickle = int(weight[i] * 0.2 + 0.5)
      for (k = 0; k < trickle; k++) emit(a + rnd() * (b - a), "click", i)
      emit(e[i], "unpin", i)
    }
    # Background: roughly one click every 6 s on a product that is not the pinned one.
    for (t = s[1] + 3 * rnd(); t < total - 1; t += 2 + 8 * rnd()) {
      cur = 0
      for (i = 1; i <= n; i++) if (t >= s[i] && t < e[i]) cur = i
      do { j = 1 + int(rnd() * n) } while (j == cur)
      emit(t, rnd() < 0.85 ? "click" : "add_to_cart", j)
    }
  }
' "$WORK/scenes.txt" >"$WORK/events.csv"
{
  echo 'time,event,product_id,product_name,price'
  sort -s -t, -k1,1n "$WORK/events.csv" # -s keeps unpin before the next pin at the same time
} >"$WORK/sample-clicks.csv"

# ---------------------------------------------------------------------------------------------
# 4) Video. Text goes through textfile= so names/prices need no filtergraph escaping.
# ---------------------------------------------------------------------------------------------
txt() { printf '%s' "$2" >"$WORK/$1.txt"; echo "$WORK/$1.txt"; }
DT="drawtext=fontfile=$FONT"
{
  # Base canvas; each scene paints its own background colour over it.
  printf '[0:v]format=yuv420p'
  item=0
  while IFS='|' read -r idx kind id name price color weight start_ms end_ms pitch_ms; do
    s=$(awk -v v="$start_ms" 'BEGIN { printf "%.3f", v / 1000 }')
    e=$(awk -v v="$end_ms" 'BEGIN { printf "%.3f", v / 1000 }')
    on="enable='gte(t,$s)*lt(t,$e)'"
    printf ',\ndrawbox=x=0:y=0:w=iw:h=ih:color=%s:t=fill:%s' "$color" "$on"
    if [[ $kind == product ]]; then
      item=$((item + 1))
      # darker card behind the product text
      printf ',\ndrawbox=x=80:y=170:w=820:h=380:color=black@0.25:t=fill:%s' "$on"
      printf ',\n%s:textfile=%s:fontsize=30:fontcolor=white@0.85:x=120:y=200:%s' \
        "$DT" "$(txt "item$idx" "ITEM $item OF $N_PRODUCTS  ·  $id")" "$on"
      printf ',\n%s:textfile=%s:fontsize=80:fontcolor=white:shadowcolor=black@0.5:shadowx=3:shadowy=3:x=120:y=260:%s' \
        "$DT" "$(txt "name$idx" "$name")" "$on"
      printf ',\n%s:textfile=%s:fontsize=130:fontcolor=0xFFE14D:shadowcolor=black@0.5:shadowx=4:shadowy=4:x=120:y=370:%s' \
        "$DT" "$(txt "price$idx" "\$$price")" "$on"
      printf ',\n%s:textfile=%s:fontsize=34:fontcolor=black:box=1:boxcolor=white:boxborderw=16:x=960:y=440:%s' \
        "$DT" "$(txt "buy$idx" "TAP TO BUY")" "$on"
    else
      printf ',\n%s:textfile=%s:fontsize=72:fontcolor=white:x=(w-tw)/2:y=320:%s' \
        "$DT" "$(txt "title$idx" "$name")" "$on"
    fi
  done <"$WORK/scenes.txt"
  # Always-on overlays: LIVE badge, viewer count, running clock, scrolling ticker.
  printf ',\n%s:textfile=%s:fontsize=34:fontcolor=white:box=1:boxcolor=0xE0245E:boxborderw=12:x=52:y=48' \
    "$DT" "$(txt live "LIVE")"
  printf ',\n%s:textfile=%s:fontsize=28:fontcolor=white:box=1:boxcolor=black@0.4:boxborderw=10:x=190:y=52' \
    "$DT" "$(txt viewers '%{eif:1180+t*3+40*sin(t/5):d} watching')"
  # clock shows a wall time starting at 19:00:00 so it reads like a real evening stream
  printf ',\n%s:textfile=%s:fontsize=28:fontcolor=white:box=1:boxcolor=black@0.4:boxborderw=10:x=w-tw-52:y=52' \
    "$DT" "$(txt clock '%{pts:gmtime:68400:%H\:%M\:%S}')"
  printf ',\ndrawbox=x=0:y=ih-70:w=iw:h=70:color=black@0.45:t=fill'
  printf ',\n%s:textfile=%s:fontsize=30:fontcolor=white:x=w-mod(t*140\,w+tw):y=h-50' \
    "$DT" "$(txt ticker 'Free shipping over $35  •  Tap the pinned item to add it to your cart  •  New deals every few minutes  •  Follow the shop for the next live')"
  printf '[v]\n'
} >"$WORK/filter.txt"

# -bitexact / -map_metadata -1: no encoder version strings, so re-runs give identical bytes.
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=black:s=1280x720:r=30:d=$TOTAL_S" \
  -i "$WORK/voice.wav" \
  -filter_complex_script "$WORK/filter.txt" \
  -map '[v]' -map 1:a \
  -c:v libx264 -preset medium -tune animation -crf 33 -pix_fmt yuv420p -profile:v high \
  -g 60 -keyint_min 60 -sc_threshold 0 \
  -c:a aac -b:a 48k -ac 1 -ar 44100 -af "apad" -t "$TOTAL_S" \
  -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  -movflags +faststart \
  "$WORK/sample.mp4"

# Write outputs only after everything succeeded.
mv "$WORK/sample.mp4" "$WORK/sample-clicks.csv" "$WORK/sample.srt" "$OUT_DIR/"

# ---------------------------------------------------------------------------------------------
# 5) Report.
# ---------------------------------------------------------------------------------------------
echo "Segments (seconds):"
awk -F'|' '{ printf "  %-8s %-7s %-16s %6s  %6.1f - %6.1f  (pitch from %.1f)\n", $2, $3, $4, $5, $8/1000, $9/1000, $10/1000 }' \
  "$WORK/scenes.txt"
echo "Events per product (click/add_to_cart/order):"
awk -F, 'NR > 1 && $2 ~ /click|add_to_cart|order/ { c[$3 "," $2]++; p[$3] = 1 }
  END { for (k in p) printf "  %s %d/%d/%d\n", k, c[k ",click"], c[k ",add_to_cart"], c[k ",order"] }' \
  "$OUT_DIR/sample-clicks.csv" | sort
dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT_DIR/sample.mp4")
echo "Duration: ${dur}s"
total_bytes=0
for f in sample.mp4 sample-clicks.csv sample.srt; do
  b=$(stat -c %s "$OUT_DIR/$f")
  total_bytes=$((total_bytes + b))
  printf '  %-20s %9d bytes\n' "$f" "$b"
done
printf '  %-20s %9d bytes (%s MB)\n' total "$total_bytes" "$(awk -v b="$total_bytes" 'BEGIN { printf "%.2f", b / 1048576 }')"
if (( total_bytes > 5 * 1024 * 1024 )); then
  echo "WARNING: sample is over 5 MB" >&2
  exit 1
fi
