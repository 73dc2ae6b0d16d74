"""The learner-facing words of the site, in English and French.

The language follows ``theme.language`` in mkdocs.yml, so the quiz speaks the
same language as Material's own interface. A language we do not have falls
back to English; a string missing from a translation falls back to English
too, so a half-finished translation never shows a raw key to a learner.
Placeholders are ``{name}`` and are filled by Python (HTML) or by quiz.js.
"""

from __future__ import annotations

import re

EN: dict[str, str] = {
    # Quiz, rendered in the page
    "practice_intro": "Practice quiz: answer a question, then check it to see feedback. Pass mark: {pass_mark}%.",
    "assessment_intro": (
        "Assessment: answer every question, then download your answers and send the file to your trainer. "
        "No feedback is shown here. Pass mark: {pass_mark}%."
    ),
    "noscript": "This quiz needs JavaScript. The module text above can be read without it.",
    "question_n": "Question {n} of {total}",
    "choose_one": "Choose one answer.",
    "choose_all": "Choose all answers that apply.",
    "true": "True",
    "false": "False",
    "fill_blank_label": "Your answer for the blank",
    "numeric_label": "Your answer (a number)",
    "matching_help": "Match each item on the left with one answer from its list.",
    "ordering_help": "Put the items in the right order with the Move up and Move down buttons.",
    "choose": "Choose…",
    "move_up": "Move up",
    "move_down": "Move down",
    "check": "Check answer",
    "retry": "Try again",
    "hint": "Show a hint",
    "hints_heading": "Hints",
    "retry_quiz": "Start the quiz again",
    "source": "Source",
    "paragraph": "paragraph {para}",
    "learner_name": "Your full name",
    "learner_id": "Your learner ID",
    "download": "Download my answers",
    # Quiz, used by quiz.js
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "partly": "Partly correct.",
    # A key ending in _one, _other (Intl.PluralRules' forms) is chosen by a count: see fmtN in quiz.js.
    "points_one": "{score} of {max} point.",
    "points_other": "{score} of {max} points.",
    "explanation": "Explanation",
    "chosen_right": "Your choice is right.",
    "chosen_wrong": "Your choice is wrong.",
    "not_a_number": "Please type a number, for example 3.5.",
    "number_ambiguous": (
        "“{value}” can be read more than one way. Write numbers like this: 1,234.5 "
        "(a comma between thousands, a point before decimals)."
    ),
    # How the language writes numbers: the decimal mark, and the mark between thousands besides a space.
    "number_decimal": ".",
    "number_group": ",",
    "no_answer": "Please answer the question first.",
    "moved": "{item}: now at position {pos} of {total}.",
    "already_first": "{item} is already first.",
    "already_last": "{item} is already last.",
    "hint_n": "Hint {n} of {total}",
    "score_one": "Score: {score} of {max} point ({percent}%). Pass mark: {pass_mark}%.",
    "score_other": "Score: {score} of {max} points ({percent}%). Pass mark: {pass_mark}%.",
    "passed": "You passed this quiz.",
    "not_passed": "Not passed yet: check every question and reach the pass mark.",
    "unchecked_one": "{n} question not checked yet.",
    "unchecked_other": "{n} questions not checked yet.",
    "need_learner": "Please type your full name and your learner ID first.",
    "unanswered_confirm_one": (
        "Question {list} has no answer. Select “Download my answers” again to send your answers anyway."
    ),
    "unanswered_confirm_other": (
        "Questions {list} have no answer. Select “Download my answers” again to send your answers anyway."
    ),
    "downloaded": "Your answers were saved as the file {file}. Send this file to your trainer.",
    "submitted_on": "Answers downloaded on {date}.",
    # Progress on the home page and in the navigation
    "progress_heading": "Your progress",
    "progress_text_one": "{done} of {total} module quiz completed",
    "progress_text_other": "{done} of {total} module quizzes completed",
    "progress_note": "Your progress is kept in this browser only.",
    "status_passed": "Passed ({percent}%)",
    "status_submitted": "Answers downloaded",
    "status_incomplete": "Answers downloaded with questions unanswered",
    "status_started": "Started",
    "status_not_started": "Not started",
    "completed": "completed",
    "reset": "Reset my progress",
    "reset_confirm": "Erase all your answers and scores for this course in this browser?",
    "reset_done": "Your progress was erased.",
    "progress_noscript": "Your progress is shown here when JavaScript is on.",
    # Certificate
    "certificate_title": "Certificate of completion",
    "certificate_link": "Get your certificate",
    # The certificate's rule: every practice quiz passed, every assessment downloaded with each question answered.
    "certificate_locked": "The certificate unlocks when every module quiz is passed: {done} of {total} so far.",
    "certificate_locked_assessment": (
        "The certificate unlocks when every practice quiz is passed and your answers to every assessment are "
        "downloaded with each question answered: {done} of {total} so far."
    ),
    "certificate_name_label": "Your name as it should appear on the certificate",
    "certificate_make": "Show my certificate",
    "certificate_print": "Print the certificate",
    "certificate_certifies": "This certifies that",
    "certificate_completed": "has completed the self-paced course",
    "certificate_date": "Date: {date}",
    "certificate_module": "Module",
    "certificate_score": "Score",
    "certificate_code": "Verification code for {quiz}: {code}",
    "certificate_code_note": "Your trainer can confirm this code against the answers you sent.",
    # Between a label and what it introduces ("Source: …", "Hint 1 of 2: …").
    "colon": ": ",
}

FR: dict[str, str] = {
    "practice_intro": "Quiz d’entraînement : répondez à une question, puis vérifiez-la pour voir le commentaire. Seuil de réussite : {pass_mark} %.",
    "assessment_intro": (
        "Évaluation : répondez à toutes les questions, puis téléchargez vos réponses et envoyez le fichier à votre "
        "formateur. Aucun commentaire n’est affiché ici. Seuil de réussite : {pass_mark} %."
    ),
    "noscript": "Ce quiz nécessite JavaScript. Le texte du module ci-dessus se lit sans.",
    "question_n": "Question {n} sur {total}",
    "choose_one": "Choisissez une réponse.",
    "choose_all": "Choisissez toutes les réponses qui conviennent.",
    "true": "Vrai",
    "false": "Faux",
    "fill_blank_label": "Votre réponse pour le blanc",
    "numeric_label": "Votre réponse (un nombre)",
    "matching_help": "Associez chaque élément de gauche à une réponse de sa liste.",
    "ordering_help": "Mettez les éléments dans le bon ordre avec les boutons Monter et Descendre.",
    "choose": "Choisir…",
    "move_up": "Monter",
    "move_down": "Descendre",
    "check": "Vérifier la réponse",
    "retry": "Réessayer",
    "hint": "Afficher un indice",
    "hints_heading": "Indices",
    "retry_quiz": "Recommencer le quiz",
    "source": "Source",
    "paragraph": "paragraphe {para}",
    "learner_name": "Votre nom complet",
    "learner_id": "Votre identifiant d’apprenant",
    "download": "Télécharger mes réponses",
    "correct": "Bonne réponse.",
    "incorrect": "Pas tout à fait.",
    "partly": "Réponse partiellement correcte.",
    "points_one": "{score} sur {max} point.",
    "points_other": "{score} sur {max} points.",
    "explanation": "Explication",
    "chosen_right": "Votre choix est juste.",
    "chosen_wrong": "Votre choix est faux.",
    "not_a_number": "Veuillez saisir un nombre, par exemple 3,5.",
    "number_ambiguous": (
        "« {value} » peut se lire de plusieurs façons. Écrivez les nombres ainsi : 1 234,5 "
        "(une espace entre les milliers, une virgule avant les décimales)."
    ),
    "number_decimal": ",",
    "number_group": "",
    "no_answer": "Veuillez d’abord répondre à la question.",
    "moved": "{item} : maintenant en position {pos} sur {total}.",
    "already_first": "{item} est déjà en première position.",
    "already_last": "{item} est déjà en dernière position.",
    "hint_n": "Indice {n} sur {total}",
    "score_one": "Score : {score} sur {max} point ({percent} %). Seuil de réussite : {pass_mark} %.",
    "score_other": "Score : {score} sur {max} points ({percent} %). Seuil de réussite : {pass_mark} %.",
    "passed": "Vous avez réussi ce quiz.",
    "not_passed": "Pas encore réussi : vérifiez chaque question et atteignez le seuil de réussite.",
    "unchecked_one": "{n} question pas encore vérifiée.",
    "unchecked_other": "{n} questions pas encore vérifiées.",
    "need_learner": "Veuillez d’abord saisir votre nom complet et votre identifiant d’apprenant.",
    "unanswered_confirm_one": (
        "La question {list} est sans réponse. Choisissez à nouveau « Télécharger mes réponses » pour envoyer "
        "vos réponses quand même."
    ),
    "unanswered_confirm_other": (
        "Les questions {list} sont sans réponse. Choisissez à nouveau « Télécharger mes réponses » pour envoyer "
        "vos réponses quand même."
    ),
    "downloaded": "Vos réponses ont été enregistrées dans le fichier {file}. Envoyez ce fichier à votre formateur.",
    "submitted_on": "Réponses téléchargées le {date}.",
    "progress_heading": "Votre progression",
    "progress_text_one": "{done} sur {total} quiz de module terminé",
    "progress_text_other": "{done} sur {total} quiz de module terminés",
    "progress_note": "Votre progression est conservée dans ce navigateur uniquement.",
    "status_passed": "Réussi ({percent} %)",
    "status_submitted": "Réponses téléchargées",
    "status_incomplete": "Réponses téléchargées avec des questions sans réponse",
    "status_started": "Commencé",
    "status_not_started": "Pas commencé",
    "completed": "terminé",
    "reset": "Effacer ma progression",
    "reset_confirm": "Effacer toutes vos réponses et tous vos scores pour ce cours dans ce navigateur ?",
    "reset_done": "Votre progression a été effacée.",
    "progress_noscript": "Votre progression s’affiche ici lorsque JavaScript est activé.",
    "certificate_title": "Certificat de réussite",
    "certificate_link": "Obtenir votre certificat",
    "certificate_locked": "Le certificat se débloque quand tous les quiz de module sont réussis : {done} sur {total} pour l’instant.",
    "certificate_locked_assessment": (
        "Le certificat se débloque quand tous les quiz d’entraînement sont réussis et que vos réponses à chaque "
        "évaluation sont téléchargées, chaque question ayant une réponse : {done} sur {total} pour l’instant."
    ),
    "certificate_name_label": "Votre nom tel qu’il doit figurer sur le certificat",
    "certificate_make": "Afficher mon certificat",
    "certificate_print": "Imprimer le certificat",
    "certificate_certifies": "Nous certifions que",
    "certificate_completed": "a terminé le cours en autoformation",
    "certificate_date": "Date : {date}",
    "certificate_module": "Module",
    "certificate_score": "Score",
    "certificate_code": "Code de vérification pour {quiz} : {code}",
    "certificate_code_note": "Votre formateur peut vérifier ce code avec les réponses que vous avez envoyées.",
    "colon": " : ",
}


def french_spacing(text: str) -> str:
    """French typography: a no-break space before ':' (U+00A0) and a narrow one before ';', '?' and '!'
    (U+202F), inside « » and before '%', so a line never starts with the mark. The strings above are
    written with plain spaces, for reading; this puts in the right ones."""
    text = re.sub(r" ([:])", "\u00a0\\1", text)
    text = re.sub(r" ([;?!»%])", lambda m: ("\u202f" if m.group(1) in ";?!" else "\u00a0") + m.group(1), text)
    return text.replace("« ", "«\u00a0")


FR = {key: french_spacing(value) for key, value in FR.items()}

LANGUAGES: dict[str, dict[str, str]] = {"en": EN, "fr": FR}

# Strings quiz.js needs at run time (the rest are rendered into the HTML).
JS_KEYS = (
    "correct", "incorrect", "partly", "points_one", "points_other", "explanation", "chosen_right", "chosen_wrong",
    "not_a_number", "number_ambiguous", "number_decimal", "number_group", "no_answer", "moved", "already_first",
    "already_last", "hint_n", "score_one", "score_other", "passed", "not_passed", "unchecked_one", "unchecked_other",
    "need_learner", "unanswered_confirm_one", "unanswered_confirm_other", "downloaded", "submitted_on", "progress_heading",
    "progress_text_one", "progress_text_other", "progress_note", "status_passed", "status_submitted", "status_started",
    "status_incomplete", "status_not_started", "completed", "reset", "reset_confirm", "reset_done", "certificate_link",
    "colon", "certificate_locked", "certificate_locked_assessment", "certificate_code", "certificate_module", "certificate_score", "certificate_date",
)


def language_of(theme_language: str | None) -> str:
    """``fr``, ``fr-CA`` or ``fr_FR`` → ``fr``; unknown languages → ``en``."""
    base = (theme_language or "en").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else "en"


def strings(language: str | None) -> dict[str, str]:
    """All strings for a language, English filling any gap."""
    return {**EN, **LANGUAGES[language_of(language)]}


def js_strings(language: str | None) -> dict[str, str]:
    table = strings(language)
    return {k: table[k] for k in JS_KEYS}


def plural(table: dict[str, str], key: str, n: float, language: str | None) -> str:
    """``key_one`` or ``key_other`` for the count ``n``, as Intl.PluralRules chooses (quiz.js's fmtN):
    French says 0 and 1 in the singular, English only 1."""
    one = n in (0, 1) if language_of(language) == "fr" else n == 1
    return table.get(f"{key}_{'one' if one else 'other'}") or table[f"{key}_other"]
