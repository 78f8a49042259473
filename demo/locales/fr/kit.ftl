# The kit's strings in French: a locale the kit doesn't ship, registered by the demo with
# Catalog::with_locale and French plural rules (one: 0 and 1). The field names are the ones
# the emulator's French messages start with, so that they are attributed to their fields.

## A term the messages below share; `start` capitalizes it at the start of a sentence
-service = { $start ->
   *[no] le service de connexion
    [yes] Le service de connexion
}

## Field names
field-email = E-mail
field-password = Mot de passe
field-password-confirmation = Confirmation du mot de passe
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-first-name = Prénom
field-last-name = Nom
field-username = Nom d'utilisateur
field-org-name = Nom de l'organisation
field-token = Invitation
field-code = Code

## Client-side checks
field-required = Veuillez remplir le champ « { $field } ».

## Show-password toggle
password-show = Afficher le mot de passe
password-hide = Masquer le mot de passe

## Forms
login-submit = Se connecter
login-pending = Connexion…
login-failed = La connexion a échoué. Vérifiez vos informations et réessayez.
signup-submit = Créer un compte
signup-pending = Création de votre compte…
signup-failed = Nous n'avons pas pu créer votre compte. Veuillez réessayer.
forgot-submit = Envoyer le lien
forgot-pending = Envoi…
forgot-sent = Si un compte existe pour cette adresse, nous lui avons envoyé un lien pour réinitialiser son mot de passe.
reset-submit = Enregistrer le mot de passe
reset-pending = Enregistrement…
reset-done = Votre mot de passe a été modifié.
reset-done-sign-in = Votre mot de passe a été modifié. Connectez-vous avec le nouveau.
reset-missing-token = Ce lien de réinitialisation est incomplet. Veuillez en demander un nouveau.
reset-request-new = Demander un nouveau lien

## States driven by the server's answer (French counts 0 and 1 as singular)
error-rate-limited = Trop de tentatives. Réessayez dans { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}.
rate-limit-countdown = { $seconds ->
    [one] encore { $seconds } seconde
   *[other] encore { $seconds } secondes
}
rate-limit-over = Vous pouvez réessayer.
error-session-expired = Votre session a expiré. Veuillez vous reconnecter.
error-link-expired = Ce lien n'est pas valide ou a expiré.
error-offline = Vous semblez hors ligne. Vérifiez votre connexion et réessayez.
error-timeout = { -service(start: "yes") } a mis trop de temps à répondre. Veuillez réessayer.
error-unavailable = Impossible de joindre { -service } pour le moment. Réessayez dans un instant.
error-generic = Une erreur s'est produite. Veuillez réessayer.
retry = Réessayer

## Session
logout-local-only = Vous êtes déconnecté sur cet appareil, mais { -service } n'a pas pu être joint pour fermer la session partout.

## Other flows
two-factor-submit = Vérifier
two-factor-pending = Vérification…
account-picker-hosted = Choisissez votre compte sur la page de connexion
complete-profile-submit = Continuer
complete-profile-pending = Enregistrement…
verify-email-verifying = Vérification de votre adresse e-mail…
verify-email-done = Votre adresse e-mail est vérifiée.
invitation-submit = Demander une invitation
invitation-pending = Envoi…
invitation-sent = Merci ! Si une invitation peut être envoyée à cette adresse, elle est en route.
profile-submit = Enregistrer
profile-pending = Enregistrement…
profile-saved = Votre profil a été mis à jour.
password-change-submit = Changer le mot de passe
password-change-pending = Enregistrement…
password-changed = Votre mot de passe a été modifié.
logout = Se déconnecter
logged-out = Vous êtes déconnecté.
step-expired = Cette étape de connexion n'est plus ouverte. Veuillez vous reconnecter.
next-step-unknown = Une dernière étape est nécessaire pour terminer la connexion.
next-step-continue = Continuer sur la page de connexion

## Auth pages
page-sign-in = Connexion
page-sign-up = Créez votre compte
page-forgot-password = Mot de passe oublié ?
page-reset-password = Choisissez un nouveau mot de passe
page-verify-email = Vérifiez votre adresse e-mail
page-two-factor = Saisissez votre code de vérification
page-choose-account = Choisissez un compte
page-complete-profile = Complétez votre profil
page-profile = Votre profil
page-change-password = Changez votre mot de passe
page-request-invitation = Demander une invitation
page-next-step = Une dernière étape
link-forgot-password = Mot de passe oublié ?
link-sign-up = Créer un compte
link-sign-in = Retour à la connexion
links-label = Pages associées
page-title = { $page } · { $app }
page-load-failed = Impossible de charger cette page. Vérifiez votre connexion et réessayez.
locale-load-failed = Impossible de charger cette langue. Vérifiez votre connexion et choisissez-la à nouveau.

password-hint = Au moins { $count ->
    [one] { $count } caractère
   *[other] { $count } caractères
}.

## Connexion sur les pages du realm, et le retour
hosted-or = ou
hosted-continue-with = Continuer avec { $provider }
hosted-more-ways = Autres façons de se connecter
hosted-last-used = Utilisé la dernière fois
page-callback = Connexion
callback-checking = Vérification de votre connexion…
callback-confirm = Continuer en tant que { $account } ?
callback-confirm-why = Vous revenez de la page de connexion, mais cette connexion n'a pas commencé ici. Ne continuez que si vous venez de vous connecter.
callback-continue = Continuer
callback-missing = Ce lien de connexion est incomplet.
callback-expired = Ce lien de connexion a expiré.
callback-invalid = Ce lien de connexion n'est pas valide, ou sa session est terminée.
callback-sign-in-again = Se reconnecter
