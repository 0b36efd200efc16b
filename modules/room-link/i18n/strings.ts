// The module's own strings, in its i18next namespace "room-link".
export const ROOM_LINK_NAMESPACE = "room-link";

export const roomLinkStrings = {
    en: { copy: "Copy room link", copied: "Room link copied", failed: "Could not copy the room link" },
    ru: {
        copy: "Скопировать ссылку на комнату",
        copied: "Ссылка на комнату скопирована",
        failed: "Не удалось скопировать ссылку на комнату",
    },
    de: { copy: "Raumlink kopieren", copied: "Raumlink kopiert", failed: "Der Raumlink konnte nicht kopiert werden" },
    fr: {
        copy: "Copier le lien du salon",
        copied: "Lien du salon copié",
        failed: "Impossible de copier le lien du salon",
    },
};
