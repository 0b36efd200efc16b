// After a switch between the navigator and the classic list, the button pressed is gone: the
// switch button of the view that replaced it takes focus when it mounts.
let pending = false;

export function requestSwitchFocus(): void {
    pending = true;
}

/** Call when a switch button mounts: focuses it if a switch just happened. */
export function takeSwitchFocus(button: HTMLElement | null): void {
    if (!pending || !button) return;
    pending = false;
    button.focus();
}
