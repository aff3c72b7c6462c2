package com.newsmell.toolkit.privacy;

import java.util.List;

/**
 * A service's erasure: the statements that delete or irreversibly anonymise one user's rows in every table it owns,
 * run in order in one transaction by {@link PrivacyRequestListener}. Implement it as an {@code @ApplicationScoped} bean.
 */
public interface UserDataEraser {

    List<ErasureStep> steps();
}
