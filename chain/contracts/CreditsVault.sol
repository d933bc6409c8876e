// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

// Minimal views of the Superfluid interfaces this vault needs. They mirror
// @superfluid-finance/ethereum-contracts 1.15.2 (ISuperfluid, ISuperApp,
// IConstantFlowAgreementV1, SuperAppDefinitions) in ABI terms: the struct
// layout of Context and every selector must stay identical. We keep them here
// instead of importing the package's sources so that compiling needs no
// third-party sources (solcjs, offline, at setup time).

interface ISuperfluidHostLike {
    /// ISuperfluid.Context: field order is ABI, do not reorder.
    struct Context {
        uint8 appCallbackLevel;
        uint8 callType;
        uint256 timestamp;
        address msgSender;
        bytes4 agreementSelector;
        bytes userData;
        uint256 appCreditGranted;
        uint256 appCreditWantedDeprecated;
        int256 appCreditUsed;
        address appAddress;
        address appCreditToken;
    }

    function registerApp(uint256 configWord) external;
    function decodeCtx(bytes memory ctx) external pure returns (Context memory context);
    function getAgreementClass(bytes32 agreementType) external view returns (address agreementClass);
}

interface ISuperTokenLike {
    function transferFrom(address holder, address recipient, uint256 amount) external returns (bool);
    function transfer(address recipient, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

interface IConstantFlowAgreementLike {
    function getFlow(address token, address sender, address receiver)
        external view returns (uint256 timestamp, int96 flowRate, uint256 deposit, uint256 owedDeposit);
}

/// @title CreditsVault
/// @notice Receives G$ (a Superfluid SuperToken) for AI credits.
///  One-time payment: the payer sends ONE transaction, the Superfluid host's
///  batchCall([ERC20_APPROVE(vault, amount), CALL_APP_ACTION(vault.depositFromAction(amount, abi.encode(account), ""))]).
///  The host puts the payer into the context (msgSender); the vault pulls the
///  approved amount with transferFrom and emits Deposited. The credits backend
///  credits `account` from that event.
///  Streams (next step): the vault is registered as a SuperApp with the
///  after-agreement callbacks enabled; `_onFlowChanged` is the single place
///  where a flow to the vault is validated and reported.
contract CreditsVault {
    // ---- Superfluid constants (SuperAppDefinitions / BatchOperation) ----
    uint256 private constant APP_LEVEL_FINAL = 1 << 0;
    uint256 private constant BEFORE_AGREEMENT_CREATED_NOOP = 1 << (32 + 0);
    uint256 private constant BEFORE_AGREEMENT_UPDATED_NOOP = 1 << (32 + 2);
    uint256 private constant BEFORE_AGREEMENT_TERMINATED_NOOP = 1 << (32 + 4);
    bytes32 private constant CFAV1_TYPE = keccak256("org.superfluid-finance.agreements.ConstantFlowAgreement.v1");

    /// @notice Seconds in the 30-day month used for the monthly stream minimum (SPEC §2).
    uint256 public constant SECONDS_PER_MONTH = 2_592_000;

    ISuperfluidHostLike public immutable host;
    ISuperTokenLike public immutable token;
    IConstantFlowAgreementLike public immutable cfa;

    address public owner;
    /// @notice micro-USD (6 decimals) per 1 G$ (1e18 wei).
    uint256 public priceMicroUsdPerG;
    /// @notice The first one-time deposit of an account must be worth at least this (micro-USD).
    uint256 public minFirstDepositMicroUsd;
    /// @notice A stream must be worth at least this per 30-day month (micro-USD).
    uint256 public minStreamMicroUsdPerMonth;

    /// @notice G$ wei deposited once (not streamed) per credited account.
    mapping(address => uint256) public depositedWei;
    /// @notice Credited account of the current stream of a sender (streams, next step).
    mapping(address => address) public streamAccountOf;

    event Deposited(address indexed account, address indexed payer, uint256 amountWei, uint256 priceMicroUsdPerG);
    event StreamUpdated(address indexed account, address indexed sender, int96 flowRateWeiPerSecond, uint256 priceMicroUsdPerG);
    event PriceUpdated(uint256 priceMicroUsdPerG);
    event MinFirstDepositUpdated(uint256 minFirstDepositMicroUsd);
    event MinStreamUpdated(uint256 minStreamMicroUsdPerMonth);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event Withdrawn(address indexed to, uint256 amountWei);

    error NotOwner();
    error NotHost();
    error ZeroAddress();
    error ZeroAmount();
    error InvalidAccountData();
    error BelowFirstDepositMinimum(uint256 principalMicroUsd, uint256 minimumMicroUsd);
    error BelowStreamMinimum(uint256 monthlyMicroUsd, uint256 minimumMicroUsd);
    error UnsupportedToken();
    error UnsupportedAgreement();
    error TransferFailed();

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    modifier onlyHost() {
        if (msg.sender != address(host)) revert NotHost();
        _;
    }

    constructor(
        address host_,
        address token_,
        uint256 priceMicroUsdPerG_,
        uint256 minFirstDepositMicroUsd_,
        uint256 minStreamMicroUsdPerMonth_
    ) {
        if (host_ == address(0) || token_ == address(0)) revert ZeroAddress();
        host = ISuperfluidHostLike(host_);
        token = ISuperTokenLike(token_);
        cfa = IConstantFlowAgreementLike(ISuperfluidHostLike(host_).getAgreementClass(CFAV1_TYPE));
        owner = msg.sender;
        emit OwnershipTransferred(address(0), msg.sender);
        _setPrice(priceMicroUsdPerG_);
        minFirstDepositMicroUsd = minFirstDepositMicroUsd_;
        emit MinFirstDepositUpdated(minFirstDepositMicroUsd_);
        minStreamMicroUsdPerMonth = minStreamMicroUsdPerMonth_;
        emit MinStreamUpdated(minStreamMicroUsdPerMonth_);
        // Test deployments have app whitelisting off; on a whitelisted host the
        // production vault is registered by governance instead.
        host.registerApp(
            APP_LEVEL_FINAL | BEFORE_AGREEMENT_CREATED_NOOP | BEFORE_AGREEMENT_UPDATED_NOOP
                | BEFORE_AGREEMENT_TERMINATED_NOOP
        );
    }

    // ------------------------------------------------------------------
    // One-time deposit (Superfluid app action, called by the host only)
    // ------------------------------------------------------------------

    /// @notice App action for host.batchCall / host.callAppAction. Encode it with an
    ///  EMPTY `ctx` ("0x"): the host replaces it with the real context.
    /// @param amount G$ wei to pull from the payer (the context's msgSender); the
    ///  payer must have approved the vault (ERC20_APPROVE in the same batch).
    /// @param userData abi.encode(address account): the account credited.
    function depositFromAction(uint256 amount, bytes calldata userData, bytes calldata ctx)
        external
        onlyHost
        returns (bytes memory newCtx)
    {
        address account = _decodeAccount(userData);
        if (amount == 0) revert ZeroAmount();
        ISuperfluidHostLike.Context memory context = host.decodeCtx(ctx);
        address payer = context.msgSender;

        uint256 price = priceMicroUsdPerG;
        if (depositedWei[account] == 0) {
            uint256 principal = principalMicroUsd(amount);
            if (principal < minFirstDepositMicroUsd) {
                revert BelowFirstDepositMinimum(principal, minFirstDepositMicroUsd);
            }
        }
        depositedWei[account] += amount;
        if (!token.transferFrom(payer, address(this), amount)) revert TransferFailed();
        emit Deposited(account, payer, amount, price);
        newCtx = ctx;
    }

    /// @notice floor(amountWei * priceMicroUsdPerG / 1e18) (SPEC §2).
    function principalMicroUsd(uint256 amountWei) public view returns (uint256) {
        return amountWei * priceMicroUsdPerG / 1e18;
    }

    /// @notice Monthly value of a flow rate, rounded UP: ceil(rate * 2,592,000 * price / 1e18).
    ///  Rounding up keeps a rate of floor(monthlyWei / 2,592,000) (SPEC §2) at the monthly
    ///  amount the user chose: that floor loses < 2,592,000 wei a month, far below 1 micro-USD.
    function monthlyMicroUsd(int96 flowRateWeiPerSecond) public view returns (uint256) {
        if (flowRateWeiPerSecond <= 0) return 0;
        uint256 scaled = uint256(uint96(flowRateWeiPerSecond)) * SECONDS_PER_MONTH * priceMicroUsdPerG;
        return (scaled + 1e18 - 1) / 1e18;
    }

    // ------------------------------------------------------------------
    // Streams: SuperApp callbacks (before* are NOOP by the config word)
    // ------------------------------------------------------------------

    function beforeAgreementCreated(address, address, bytes32, bytes calldata, bytes calldata)
        external pure returns (bytes memory)
    {
        return "";
    }

    function beforeAgreementUpdated(address, address, bytes32, bytes calldata, bytes calldata)
        external pure returns (bytes memory)
    {
        return "";
    }

    function beforeAgreementTerminated(address, address, bytes32, bytes calldata, bytes calldata)
        external pure returns (bytes memory)
    {
        return "";
    }

    function afterAgreementCreated(
        address superToken,
        address agreementClass,
        bytes32, /*agreementId*/
        bytes calldata agreementData,
        bytes calldata, /*cbdata*/
        bytes calldata ctx
    ) external onlyHost returns (bytes memory newCtx) {
        _requireAcceptedFlow(superToken, agreementClass);
        _onFlowChanged(agreementData, ctx, false);
        return ctx;
    }

    function afterAgreementUpdated(
        address superToken,
        address agreementClass,
        bytes32, /*agreementId*/
        bytes calldata agreementData,
        bytes calldata, /*cbdata*/
        bytes calldata ctx
    ) external onlyHost returns (bytes memory newCtx) {
        _requireAcceptedFlow(superToken, agreementClass);
        _onFlowChanged(agreementData, ctx, false);
        return ctx;
    }

    /// @dev Must never revert for our own token and the CFA (a reverting
    ///  termination callback jails the app).
    function afterAgreementTerminated(
        address superToken,
        address agreementClass,
        bytes32, /*agreementId*/
        bytes calldata agreementData,
        bytes calldata, /*cbdata*/
        bytes calldata ctx
    ) external onlyHost returns (bytes memory newCtx) {
        if (superToken != address(token) || agreementClass != address(cfa)) return ctx;
        _onFlowChanged(agreementData, ctx, true);
        return ctx;
    }

    function _requireAcceptedFlow(address superToken, address agreementClass) internal view {
        if (superToken != address(token)) revert UnsupportedToken();
        if (agreementClass != address(cfa)) revert UnsupportedAgreement();
    }

    /// @dev The one place where a flow to the vault is checked and reported.
    ///  Create/update: userData must carry the account, and the rate must meet
    ///  the monthly minimum. Terminate: report rate 0 for the remembered account.
    function _onFlowChanged(bytes calldata agreementData, bytes calldata ctx, bool terminated) internal {
        (address sender, address receiver) = abi.decode(agreementData, (address, address));
        if (receiver != address(this)) {
            if (terminated) return;
            revert UnsupportedAgreement();
        }
        if (terminated) {
            address known = streamAccountOf[sender];
            delete streamAccountOf[sender];
            emit StreamUpdated(known == address(0) ? sender : known, sender, 0, priceMicroUsdPerG);
            return;
        }
        ISuperfluidHostLike.Context memory context = host.decodeCtx(ctx);
        address account = _decodeAccountMemory(context.userData);
        (, int96 flowRate,,) = cfa.getFlow(address(token), sender, address(this));
        uint256 monthly = monthlyMicroUsd(flowRate);
        if (monthly < minStreamMicroUsdPerMonth) revert BelowStreamMinimum(monthly, minStreamMicroUsdPerMonth);
        streamAccountOf[sender] = account;
        emit StreamUpdated(account, sender, flowRate, priceMicroUsdPerG);
    }

    // ------------------------------------------------------------------
    // Owner
    // ------------------------------------------------------------------

    function setPriceMicroUsdPerG(uint256 value) external onlyOwner {
        _setPrice(value);
    }

    function setMinFirstDepositMicroUsd(uint256 value) external onlyOwner {
        minFirstDepositMicroUsd = value;
        emit MinFirstDepositUpdated(value);
    }

    function setMinStreamMicroUsdPerMonth(uint256 value) external onlyOwner {
        minStreamMicroUsdPerMonth = value;
        emit MinStreamUpdated(value);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    function withdraw(address to, uint256 amountWei) external onlyOwner {
        if (to == address(0)) revert ZeroAddress();
        if (!token.transfer(to, amountWei)) revert TransferFailed();
        emit Withdrawn(to, amountWei);
    }

    function _setPrice(uint256 value) internal {
        if (value == 0) revert ZeroAmount();
        priceMicroUsdPerG = value;
        emit PriceUpdated(value);
    }

    // ------------------------------------------------------------------
    // userData = abi.encode(address account): exactly 32 bytes, a clean,
    // non-zero address word.
    // ------------------------------------------------------------------

    function _decodeAccount(bytes calldata userData) internal pure returns (address) {
        if (userData.length != 32) revert InvalidAccountData();
        uint256 word = uint256(bytes32(userData[0:32]));
        return _checkedAccount(word);
    }

    function _decodeAccountMemory(bytes memory userData) internal pure returns (address) {
        if (userData.length != 32) revert InvalidAccountData();
        uint256 word;
        assembly {
            word := mload(add(userData, 32))
        }
        return _checkedAccount(word);
    }

    function _checkedAccount(uint256 word) private pure returns (address) {
        if (word == 0 || word >> 160 != 0) revert InvalidAccountData();
        return address(uint160(word));
    }
}
