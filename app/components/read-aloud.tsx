import { useEffect, useState } from "react";
import { useTranslation } from "../i18n/translate";
import { intlLocaleOf } from "../i18n/config";

/** A voice of this device for the language (`tr` matches `tr-TR`); Leichte Sprache is read by a German voice. */
function voiceFor(language: string): SpeechSynthesisVoice | undefined {
  const wanted = intlLocaleOf(language).split("-")[0]!.toLowerCase();
  return window.speechSynthesis.getVoices().find((voice) => voice.lang.toLowerCase().replace("_", "-").split("-")[0] === wanted);
}

/**
 * Reads a text aloud with the browser's own speech synthesis, which runs on the device: the text
 * is sent nowhere. Rendered only once the device shows a voice for the text's language, so there
 * is no button without JavaScript or without a voice (docs/decisions/022).
 */
export function ReadAloud({ text, language, describedBy }: { text: string; language: string; describedBy?: string }) {
  const { t } = useTranslation();
  const [voice, setVoice] = useState<SpeechSynthesisVoice>();
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    if (!("speechSynthesis" in window)) return;
    const synth = window.speechSynthesis;
    // Browsers load their voices late and say so with `voiceschanged`.
    const find = () => setVoice(voiceFor(language));
    find();
    synth.addEventListener("voiceschanged", find);
    return () => {
      synth.removeEventListener("voiceschanged", find);
      synth.cancel();
    };
  }, [language]);

  if (!voice) return null;
  const toggle = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) return setSpeaking(false);
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };
  return (
    <button type="button" className="button button--secondary read-aloud" aria-pressed={speaking} aria-describedby={describedBy} onClick={toggle}>
      {speaking ? t("common:readAloud.stop") : t("common:readAloud.start")}
    </button>
  );
}
