#!/bin/sh
# Builds the bundled sample video (sample.mp4) and its captions (sample.vtt) from the narration
# written below: calm title slides drawn by ffmpeg, narration spoken by espeak-ng, and one
# caption per narrated line, timed from the measured length of its audio.
# Usage: scripts/make-sample-video.sh [OUT_DIR]   (default: scenarios/sample)
# KEEP_SLIDES=DIR also keeps each slide as a PNG there, for checking the layout.
# Needs ffmpeg, ffprobe, espeak-ng and the DejaVu fonts (scripts/setup.sh installs them).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/scenarios/sample}" && cd "${1:-$root/scenarios/sample}" && pwd)

fonts=/usr/share/fonts/truetype/dejavu
for tool in ffmpeg ffprobe espeak-ng awk; do
  command -v "$tool" >/dev/null || { echo "make-sample-video: $tool is missing (run scripts/setup.sh)" >&2; exit 1; }
done
[ -r "$fonts/DejaVuSans.ttf" ] || { echo "make-sample-video: DejaVu fonts missing (run scripts/setup.sh)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cp "$fonts/DejaVuSans.ttf" "$work/regular.ttf"
cp "$fonts/DejaVuSans-Bold.ttf" "$work/bold.ttf"
cd "$work"

W=1280 H=720 FPS=25 RATE=22050
SPF=$((RATE / FPS))     # audio samples per video frame: slides are whole frames long
LEAD=$((RATE * 8 / 10)) # silence before a slide's first line
GAP=$((RATE * 45 / 100)) # silence between lines
TAIL=$((RATE * 12 / 10)) # silence after a slide's last line
FADE=12                 # frames of fade in and out
VOICE=en-gb SPEED=145

# The narration. "= Title" starts a slide, "+ text" is a point written on it, "- text" is a
# narrated line (spoken, and shown as one caption of at most two lines, so keep it short).
# Facts only; no quotes from real people.
narration() {
cat <<'EOF'
= Sample scenario
+ Harm, forgiveness and a shared purpose
+ A narrated summary made for training.
+ This is not the real interview.
- This is a sample video for the restorative justice training kiosk.
- It is a short narrated summary, not the real interview.
- It describes a shooting and the injuries it caused.
= Brixton, March 1993
+ • Two constables stop two men leaving a drug deal.
+ • One man is wanted for escaping prison and for armed robbery.
+ • He is carrying a handgun.
- In March 1993, in Brixton, south London, two police constables stopped two men.
- The men were leaving a drug deal.
- One of them was wanted for escaping from prison, and for armed robbery.
- He was carrying a handgun.
= The shooting
+ • During a struggle, one officer is shot in the leg.
+ • The second officer is shot in the back.
+ • The bullet passes about a centimetre from his spine and tears past his kidney.
+ • Both officers survive.
- As he struggled with one of the officers, the man pulled out the gun,
- and shot that officer in the leg.
- He then shot the second officer in the back.
- The bullet passed about a centimetre from the officer's spine,
- and tore past his kidney.
- Both officers survived.
= Arrest and sentence
+ • He flees abroad on false papers.
+ • About a year later he is arrested in the United States.
+ • He is sentenced to 25 years and serves 20.
- The man fled abroad, using false papers.
- About a year later, he was arrested in the United States.
- He was sentenced to twenty-five years in prison, and served twenty.
= The man who fired
+ • His mother was murdered when he was two.
+ • His prison years were marked by drugs and violence.
+ • Slowly, he changed.
- He has described a hard childhood.
- His mother was murdered when he was two years old.
- His years in prison were marked by drugs and violence.
- Over time, and slowly, he began to change.
= A different life
+ • After his release he becomes a mentor and a public speaker.
+ • He writes a book about his life.
- After his release, he became a mentor and a public speaker.
- He also wrote a book about his life.
= The officer reaches out
+ • The officer who was shot in the back reads the book.
+ • He asks to meet the man who shot him.
+ • He says he never hated him, and forgives him.
- The officer he had shot in the back read that book, and asked to meet him.
- The officer has said that he never hated him. He forgave him.
- In time, the two men became friends.
= Working together
+ • Together they steer young people away from guns and violence.
+ • Some colleagues criticise the officer; the two carry on.
+ • Every new recruit of that police service hears their story.
- Today they work together to steer young people away from guns and violence.
- Some colleagues criticised the officer for this, but the two men carried on.
- Their story is now shown to every new recruit of that police service.
= Restorative justice
+ • Brings together the person harmed and the person who caused the harm.
+ • Only when both choose to take part.
+ • Asks what happened, who has been affected, and what is needed to make things right.
- Restorative justice brings together a person who was harmed,
- and the person who caused the harm.
- Both must choose to take part.
- Together they talk about what happened, and who has been affected,
- and what is needed to make things right.
= Before the discussion
+ • Do not interrupt.
+ • Say nothing that is intentionally hurtful.
+ • Everyone has the right to pass.
- Before the discussion, please remember the ground rules.
- Do not interrupt. Say nothing that is intentionally hurtful.
- Everyone has the right to pass.
- This is the end of the sample video.
EOF
}

# Wraps stdin at WIDTH characters on spaces; continuation lines of a "• " point are indented.
wrap() {
  awk -v width="$1" '{
    indent = (substr($0, 1, 4) == "• ") ? "   " : ""
    n = split($0, word, " "); line = ""
    for (i = 1; i <= n; i++) {
      if (line == "") line = word[i]
      else if (length(line) + 1 + length(word[i]) > width) { print line; line = indent word[i] }
      else line = line " " word[i]
    }
    if (line != "") print line
  }'
}

# mm:ss.mmm (or h:mm:ss.mmm) from a sample count.
stamp() {
  awk -v s="$1" -v r="$RATE" 'BEGIN {
    ms = int(s * 1000 / r + 0.5); h = int(ms / 3600000); m = int(ms / 60000) % 60
    sec = int(ms / 1000) % 60; f = ms % 1000
    if (h > 0) printf "%d:%02d:%02d.%03d", h, m, sec, f; else printf "%02d:%02d.%03d", m, sec, f
  }'
}

# Splits the narration into slide folders: s01/title, s01/points, s01/lines.
n=0
narration | while IFS= read -r row; do
  kind=${row%% *} text=${row#* }
  case $kind in
    =) n=$((n + 1)); dir=$(printf 's%02d' "$n"); mkdir "$dir"; printf '%s\n' "$text" >"$dir/title"
       : >"$dir/points"; : >"$dir/lines" ;;
    +) printf '%s\n' "$text" >>"$dir/points" ;;
    -) printf '%s\n' "$text" >>"$dir/lines" ;;
  esac
done

colours="0x1e2f45 0x1f3a3d 0x2c2b45"
printf 'WEBVTT\n\nNOTE Sample narration for the rjkiosk sample scenario, made by scripts/make-sample-video.sh\n' >captions.vtt
: >audio.raw; : >segments.txt; : >pauses.txt
total=0 cue=0 slide=0
for dir in s*/; do
  dir=${dir%/}
  slide=$((slide + 1))
  colour=$(echo $colours | cut -d' ' -f$(( (slide - 1) % 3 + 1 )))

  # Speak each line; the raw PCM length gives its exact duration in samples.
  pos=$LEAD
  head -c $((LEAD * 2)) /dev/zero >"$dir/audio.raw"
  i=0
  while IFS= read -r line; do
    i=$((i + 1))
    espeak-ng -v "$VOICE" -s "$SPEED" -w "$dir/l$i.wav" "$line"
    ffmpeg -nostdin -v error -i "$dir/l$i.wav" -f s16le -ac 1 -ar "$RATE" "$dir/l$i.raw"
    len=$(( $(wc -c <"$dir/l$i.raw") / 2 ))
    cat "$dir/l$i.raw" >>"$dir/audio.raw"
    start=$((total + pos)) end=$((total + pos + len + GAP / 2))
    cue=$((cue + 1))
    printf '\n%d\n%s --> %s\n%s\n' "$cue" "$(stamp $start)" "$(stamp $end)" \
      "$(printf '%s\n' "$line" | wrap 42)" >>captions.vtt
    pos=$((pos + len))
    if [ "$i" -lt "$(wc -l <"$dir/lines")" ]; then
      head -c $((GAP * 2)) /dev/zero >>"$dir/audio.raw"; pos=$((pos + GAP))
    fi
  done <"$dir/lines"
  printf '%s  %s\n' "$(stamp $((total + pos + RATE / 4)))" "$(cat "$dir/title")" >>pauses.txt
  frames=$(( (pos + TAIL + SPF - 1) / SPF ))
  head -c $(( (frames * SPF - pos) * 2 )) /dev/zero >>"$dir/audio.raw"
  cat "$dir/audio.raw" >>audio.raw

  # The slide: title, an accent rule, the points, and a footer saying what this video is.
  wrap 30 <"$dir/title" >"$dir/title.txt"
  wrap 50 <"$dir/points" >"$dir/points.txt"
  printf 'Sample video  ·  a narrated summary, not the real interview' >"$dir/footer.txt"
  tlines=$(wc -l <"$dir/title.txt")
  ptop=$((150 + tlines * 72))
  cat >"$dir/filter.txt" <<EOF
drawtext=fontfile=bold.ttf:textfile=$dir/title.txt:expansion=none:fontsize=60:line_spacing=12:fontcolor=white:x=110:y=90,
drawbox=x=110:y=$((ptop - 40)):w=160:h=6:color=0xd9b45a:t=fill,
drawtext=fontfile=regular.ttf:textfile=$dir/points.txt:expansion=none:fontsize=40:line_spacing=22:fontcolor=0xf2f4f7:x=110:y=$ptop,
drawtext=fontfile=regular.ttf:textfile=$dir/footer.txt:expansion=none:fontsize=24:fontcolor=0xc3ccd6:x=110:y=$((H - 70))
EOF
  ffmpeg -nostdin -v error -f lavfi -i "color=c=$colour:s=${W}x${H}" -frames:v 1 \
    -filter_script:v "$dir/filter.txt" "$dir/slide.png"
  ffmpeg -nostdin -v error -loop 1 -framerate "$FPS" -i "$dir/slide.png" -frames:v "$frames" \
    -vf "fade=t=in:s=0:n=$FADE,fade=t=out:s=$((frames - FADE)):n=$FADE,format=yuv420p" \
    -c:v libx264 -preset slow -tune stillimage -crf 26 -g $((FPS * 5)) -profile:v main \
    "$dir/video.mp4"
  printf "file '%s/video.mp4'\n" "$dir" >>segments.txt
  total=$((total + frames * SPF))
done

# espeak-ng peaks close to full scale: 3 dB of headroom keeps the AAC encoder from clipping.
ffmpeg -nostdin -v error -f concat -safe 0 -i segments.txt -f s16le -ar "$RATE" -ac 1 -i audio.raw \
  -map 0:v -map 1:a -c:v copy -af volume=-3dB -c:a aac -b:a 40k -ar "$RATE" -movflags +faststart \
  -metadata title="rjkiosk sample scenario: a narrated summary" -y "$out/sample.mp4"
cp captions.vtt "$out/sample.vtt"
if [ "${KEEP_SLIDES:-}" ]; then
  mkdir -p "$KEEP_SLIDES"
  for dir in s*/; do cp "${dir}slide.png" "$KEEP_SLIDES/${dir%/}.png"; done
fi

echo "wrote $out/sample.mp4 ($(stamp $total), $(wc -c <"$out/sample.mp4") bytes) and $out/sample.vtt ($cue captions)"
echo "moments just after each slide's narration ends (good video cue times):"
cat pauses.txt
