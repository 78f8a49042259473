# Les chaînes propres à la démo (français).
demo-title = démo de leptos-loginrocket
demo-nav = Démo
demo-nav-home = Accueil
demo-nav-protected = Page protégée
demo-nav-sign-in = Connexion
demo-nav-sign-up = Inscription
demo-nav-custom = Connexion personnalisée
demo-language = Langue
demo-signed-out = Déconnecté
demo-conditional = Il reste une étape : { $conditions }
demo-signed-in = Connecté en tant que { $email } (compte { $account })
demo-users = Utilisateurs de démo
demo-password-for-all = Mot de passe pour tous :
demo-user-ann = utilisateur simple
demo-user-tom = double authentification (code : GET /_emulator/totp?email=tom@example.com)
demo-user-mia = deux organisations ; langue enregistrée : es
demo-user-una = adresse e-mail pas encore vérifiée
demo-remember = Rester connecté sur cet appareil (tous les onglets partagent la session ; recharge la page)
demo-protected = Page protégée
demo-protected-title = Page protégée
demo-claims = Contenu du jeton (décodé pour l'affichage seulement ; le backend vérifie la signature) :
demo-selected-account = Compte : { $name }. { $count ->
    [0] Aucune permission.
   *[other] Permissions : { $permissions }.
}
demo-refresh = Rafraîchir la session
demo-switch-account = Changer de compte
demo-hosted-accounts = Changer sur la page hébergée
demo-account = Compte
demo-edit-profile = Modifier le profil
demo-change-password = Changer le mot de passe
demo-lab = Labo des pannes
demo-lab-rate-limit = Limite de débit
demo-lab-rate-limit-next = limite de débit (5 s)
demo-lab-timeout = Délai dépassé
demo-lab-timeout-next = attend au-delà du délai
demo-lab-server-error = Erreur serveur
demo-lab-server-error-next = erreur serveur
demo-lab-garbage = Réponse illisible
demo-lab-garbage-next = corps illisible
demo-lab-expired = Session expirée
demo-lab-expired-next = session expirée
demo-lab-queued = Prochaine requête : { $fault }
demo-lab-unreachable = L'émulateur est injoignable
demo-not-found = Page introuvable
