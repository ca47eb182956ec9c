-- Notifications: e-mail address verification and a sign-in from a new device, both security kinds (never in
-- preferences, whose list stays as it was).
ALTER TABLE notifications.messages DROP CONSTRAINT messages_kind_check;
ALTER TABLE notifications.messages ADD CONSTRAINT messages_kind_check
    CHECK (kind IN ('Invitation', 'PasswordReset', 'AccountNeedsReconnect', 'PostFailed', 'PostUnconfirmed', 'PaymentFailed', 'MfaChanged',
                    'AiBudgetNearlySpent', 'EmailVerification', 'NewDeviceSignIn'));

ALTER TABLE notifications.inbox DROP CONSTRAINT inbox_kind_check;
ALTER TABLE notifications.inbox ADD CONSTRAINT inbox_kind_check
    CHECK (kind IN ('Invitation', 'PasswordReset', 'AccountNeedsReconnect', 'PostFailed', 'PostUnconfirmed', 'PaymentFailed', 'MfaChanged',
                    'AiBudgetNearlySpent', 'EmailVerification', 'NewDeviceSignIn'));
