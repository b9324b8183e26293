/**
 * The demo conference's own texts and the note on its current item, in German and as draft
 * translations into the languages the conference offers (docs/decisions/046), so the join page,
 * the phones, the console and the projector show the pick in every language. Drafts by the
 * developers, like the locale files, awaiting a native speaker's review.
 */
export const demoTitleTranslations = {
  "de-x-ls": "Zukunfts-Konferenz für ein soziales Bielefeld (Demo)",
  en: "Future Conference for a Social Bielefeld (demo)",
  tr: "Sosyal Bielefeld Gelecek Konferansı (Demo)",
  ar: "مؤتمر المستقبل من أجل بيليفيلد الاجتماعية (عرض تجريبي)",
  kmr: "Konferansa Pêşerojê ya Bielefelda Civakî (Demo)",
  uk: "Конференція майбутнього «Соціальний Білефельд» (демо)",
  ru: "Конференция будущего «Социальный Билефельд» (демо)",
  pl: "Konferencja Przyszłości „Społeczny Bielefeld” (demo)",
  fa: "کنفرانس آینده برای بیله‌فلد اجتماعی (نمایشی)",
};

export const demoDescription =
  "Bürgerinnen und Bürger, Migrantenorganisationen und Fachleute setzen gemeinsam Schwerpunkte in den Zielen und Maßnahmen des Sozialdezernats. Jede Stimme zählt, in jeder Sprache.";

export const demoDescriptionTranslations = {
  "de-x-ls":
    "Hier reden viele Menschen mit. Zum Beispiel Bürger, Vereine von Migranten und Fach-Leute. Sie sagen: Diese Pläne für Bielefeld sind am wichtigsten. Jede Meinung ist wichtig. Sie können in Ihrer Sprache mitmachen.",
  en: "Citizens, migrant organisations and professionals set priorities together among the social department's goals and measures. Every voice counts, in every language.",
  tr: "Vatandaşlar, göçmen dernekleri ve uzmanlar, Sosyal İşler Dairesinin hedef ve tedbirlerinde birlikte öncelik belirliyor. Her ses önemlidir, her dilde.",
  ar: "يحدد المواطنون ومنظمات المهاجرين والمختصون معاً الأولويات بين أهداف وإجراءات دائرة الشؤون الاجتماعية. كل صوت مهم، وبكل لغة.",
  kmr: "Welatî, rêxistinên koçberan û pispor bi hev re di armanc û tedbîrên Daîreya Karûbarên Civakî de pêşîniyan diyar dikin. Her deng girîng e, bi her zimanî.",
  uk: "Громадяни, організації мігрантів і фахівці разом визначають пріоритети серед цілей і заходів соціального департаменту. Кожен голос важливий — будь-якою мовою.",
  ru: "Граждане, организации мигрантов и специалисты вместе определяют приоритеты среди целей и мер социального департамента. Каждый голос важен — на любом языке.",
  pl: "Mieszkańcy, organizacje migranckie i specjaliści wspólnie ustalają priorytety wśród celów i działań wydziału spraw społecznych. Każdy głos się liczy, w każdym języku.",
  fa: "شهروندان، سازمان‌های مهاجران و متخصصان با هم اولویت‌های اهداف و اقدامات ادارهٔ امور اجتماعی را تعیین می‌کنند. هر صدایی مهم است، به هر زبانی.",
};

/** On the item the room is voting on when the demo starts. */
export const demoNote = "Bitte vergeben Sie Ihre Punkte bis zur Kaffeepause. Fragen zur Maßnahme beantwortet das Sozialamt am Stand neben der Bühne.";

export const demoNoteTranslations = {
  "de-x-ls": "Geben Sie Ihre Punkte bis zur Pause. Haben Sie Fragen? Dann gehen Sie zum Stand vom Sozial-Amt. Der Stand ist neben der Bühne.",
  en: "Please give your dots before the coffee break. The social welfare office answers questions about the measure at the stand next to the stage.",
  tr: "Lütfen puanlarınızı kahve molasına kadar verin. Tedbirle ilgili soruları sahnenin yanındaki standda Sosyal Hizmetler Dairesi yanıtlıyor.",
  ar: "يرجى توزيع نقاطكم قبل استراحة القهوة. يجيب مكتب الشؤون الاجتماعية عن الأسئلة حول الإجراء في الجناح المجاور للمنصة.",
  kmr: "Ji kerema xwe re xalên xwe heta navbera qehweyê bidin. Daîreya Civakî li standa li kêleka sehneyê bersiva pirsên li ser tedbîrê dide.",
  uk: "Будь ласка, розподіліть свої бали до кавової перерви. На запитання про захід відповідає соціальне відомство біля стенду поруч зі сценою.",
  ru: "Пожалуйста, распределите свои баллы до кофе-брейка. На вопросы о мере отвечает социальное ведомство у стенда рядом со сценой.",
  pl: "Prosimy o rozdanie punktów do przerwy kawowej. Na pytania o działanie odpowiada urząd ds. społecznych przy stoisku obok sceny.",
  fa: "لطفاً امتیازهای خود را تا پیش از استراحت قهوه بدهید. ادارهٔ امور اجتماعی در غرفهٔ کنار صحنه به پرسش‌ها دربارهٔ این اقدام پاسخ می‌دهد.",
};
