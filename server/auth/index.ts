export {
  createTokenVerifier,
  type TokenVerifier,
  type TokenVerifierOptions,
  type VerifiedUser,
} from './token-verifier';
export { createDevTokenIssuer, type DevTokenIssuer } from './dev-token-issuer';
export { entraSigningKeys } from './entra-keys';
