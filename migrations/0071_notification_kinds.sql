-- Notifications: the kinds added after the first four (an unconfirmed post, a failed subscription payment, two-step
-- sign-in turned on or off, the AI budget nearly spent). The lists name NotificationKind's members as stored;
-- preferences never hold a security kind.
ALTER TABLE notifications.messages DROP CONSTRAINT messages_kind_check;
ALTER TABLE notifications.messages ADD CONSTRAINT messages_kind_check
    CHECK (kind IN ('Invitation', 'PasswordReset', 'AccountNeedsReconnect', 'PostFailed', 'PostUnconfirmed', 'PaymentFailed', 'MfaChanged', 'AiBudgetNearlySpent'));

ALTER TABLE notifications.inbox DROP CONSTRAINT inbox_kind_check;
ALTER TABLE notifications.inbox ADD CONSTRAINT inbox_kind_check
    CHECK (kind IN ('Invitation', 'PasswordReset', 'AccountNeedsReconnect', 'PostFailed', 'PostUnconfirmed', 'PaymentFailed', 'MfaChanged', 'AiBudgetNearlySpent'));

ALTER TABLE notifications.preferences DROP CONSTRAINT preferences_kind_check;
ALTER TABLE notifications.preferences ADD CONSTRAINT preferences_kind_check
    CHECK (kind IN ('AccountNeedsReconnect', 'PostFailed', 'PostUnconfirmed', 'PaymentFailed', 'AiBudgetNearlySpent'));
