"""Speaks TEXT with espeak-ng's library (VOICE, RATE words/min) into OUT (WAV), and prints each
word event as JSON [start ms, character offset]: the CLI does not tell when words are said; the
library's word events do."""
import ctypes
import json
import sys
import wave

voice, rate, text, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]


class Event(ctypes.Structure):
    _fields_ = [('type', ctypes.c_int), ('unique_identifier', ctypes.c_uint), ('text_position', ctypes.c_int),
                ('length', ctypes.c_int), ('audio_position', ctypes.c_int), ('sample', ctypes.c_int),
                ('user_data', ctypes.c_void_p), ('id', ctypes.c_char * 8)]


lib = ctypes.CDLL('libespeak-ng.so.1')
sample_rate = lib.espeak_Initialize(2, 0, None, 0)  # AUDIO_OUTPUT_SYNCHRONOUS
pcm, starts = [], []


@ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(Event))
def on_synth(wav, n, events):
    if wav and n > 0:
        pcm.append(ctypes.string_at(wav, n * 2))
    i = 0
    while events[i].type != 0:  # LIST_TERMINATED
        if events[i].type == 1:  # WORD
            starts.append([events[i].audio_position, events[i].text_position])
        i += 1
    return 0


lib.espeak_SetSynthCallback(on_synth)
lib.espeak_SetVoiceByName(voice.encode())
lib.espeak_SetParameter(1, rate, 0)  # espeakRATE, absolute
data = text.encode()
lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, 0, None, None)
lib.espeak_Synchronize()
with wave.open(out, 'wb') as w:
    w.setnchannels(1)
    w.setsampwidth(2)
    w.setframerate(sample_rate)
    w.writeframes(b''.join(pcm))
print(json.dumps(starts))
